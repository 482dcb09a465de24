package wasimoff.eval.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebProviderTest {
    @TempDir
    Path cache;
    @TempDir
    Path project;

    private InstallContext context() {
        return new InstallContext(new InstalledBinaries(cache), new Properties(), Map.of(), Path.of(""), l -> { });
    }

    @Test
    void aBuildIsPresentOnlyWhenItsRecordNamesThePinAndItsDistHasAnIndex() throws Exception {
        WebProvider webProvider = new WebProvider();
        assertThat(webProvider.missing(context())).hasValueSatisfying(m -> assertThat(m).contains("is not built"));

        new InstalledBinaries(cache).record(Map.of(WebProvider.COMMIT_KEY, Pins.WASIMOFF_COMMIT,
                WebProvider.DIR_KEY, "webprovider-0123456789ab/dist", WebProvider.HASH_KEY, "0123456789ab"));
        assertThat(webProvider.missing(context())).hasValueSatisfying(m -> assertThat(m).contains("recorded in").contains("is gone"));

        Path dist = Files.createDirectories(cache.resolve("webprovider-0123456789ab/dist"));
        Files.writeString(dist.resolve("index.html"), "<html></html>");
        assertThat(webProvider.missing(context())).isEmpty();
        assertThat(WebProvider.requireDist(new InstalledBinaries(cache))).isEqualTo(dist);
        assertThat(WebProvider.sourceHash(new InstalledBinaries(cache))).isEqualTo("0123456789ab");

        new InstalledBinaries(cache).record(Map.of(WebProvider.COMMIT_KEY, "0".repeat(40)));
        assertThat(webProvider.missing(context())).hasValueSatisfying(m -> assertThat(m).contains("0".repeat(40))
                .contains(Pins.WASIMOFF_COMMIT));
    }

    @Test
    void theYarnIsTheOneThePackageJsonPins() throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"packageManager\": \"yarn@4.9.4\"}");
        assertThat(WebProvider.yarnVersion(project)).isEqualTo("4.9.4");
        Files.writeString(project.resolve("package.json"), "{\"packageManager\": \"pnpm@9.1.0\"}");
        assertThatThrownBy(() -> WebProvider.yarnVersion(project)).isInstanceOf(InstallException.class)
                .hasMessageContaining("pnpm@9.1.0");
    }
}
