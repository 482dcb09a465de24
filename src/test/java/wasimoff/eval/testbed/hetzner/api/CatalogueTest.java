package wasimoff.eval.testbed.hetzner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class CatalogueTest extends MockHetznerTest {

    @Test
    void listLocationsReadsNameCityCountryAndNetworkZone() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "locations-list"));

        List<Location> locations = client.listLocations();

        assertThat(locations).singleElement().satisfies(location -> {
            assertThat(location.name()).isEqualTo("fsn1");
            assertThat(location.city()).isEqualTo("Falkenstein");
            assertThat(location.country()).isEqualTo("DE");
            assertThat(location.networkZone()).isEqualTo("eu-central");
        });
        RecordedRequest request = hetzner.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/locations");
        assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("50");
    }

    @Test
    void listServerTypesReadsHourlyNetAndGrossPricePerLocationExactly() {
        hetzner.server.enqueue(Fixtures.json(200, "server-types-list"));

        ServerType type = client.listServerTypes().get(0);

        assertThat(type.name()).isEqualTo("cpx22");
        assertThat(type.cores()).isEqualTo(2);
        assertThat(type.memory()).isEqualTo(4.0);
        Price fsn1 = type.priceIn("fsn1").orElseThrow();
        assertThat(fsn1.priceHourly().net()).isEqualByComparingTo(new BigDecimal("1.0000"));
        assertThat(fsn1.priceHourly().gross()).isEqualTo(new BigDecimal("1.1900"));
        assertThat(fsn1.priceMonthly().gross()).isEqualByComparingTo("1.19");
        assertThat(type.priceIn("ash")).isEmpty();
        ServerTypeLocation location = type.locations().get(0);
        assertThat(location.orderableAt(OffsetDateTime.parse("2023-08-01T00:00:00Z"))).isTrue();
        assertThat(location.orderableAt(OffsetDateTime.parse("2024-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void listImagesFiltersByNameTypeAndArchitecture() throws Exception {
        hetzner.server.enqueue(Fixtures.json(200, "images-list"));

        List<Image> images = client.listImages(ImageQuery.named("debian-12").withType("system").withArchitecture("x86"));

        assertThat(images).singleElement().satisfies(image -> {
            assertThat(image.name()).isEqualTo("debian-12");
            assertThat(image.type()).isEqualTo("system");
            assertThat(image.osFlavor()).isEqualTo("debian");
            assertThat(image.deprecated()).isNull();
        });
        RecordedRequest request = hetzner.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/images");
        assertThat(request.getUrl().queryParameter("name")).isEqualTo("debian-12");
        assertThat(request.getUrl().queryParameter("type")).isEqualTo("system");
        assertThat(request.getUrl().queryParameter("architecture")).isEqualTo("x86");
        assertThat(request.getUrl().queryParameter("label_selector")).isNull();
    }
}
