package wasimoff.eval.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serverledge's node, load balancer, CLI and executor at {@link Pins#SERVERLEDGE_VERSION}, built
 * statically into the cache from the Go module proxy. {@code go install pkg@version} would ask the
 * proxy for the module's version list, which the proxy here refuses, so the module is downloaded,
 * its hash checked against the pin, and built in place.
 */
public final class ServerledgeBinaries implements Requirement {
    /** Binary name in the cache -> the module's command directory. */
    private static final Map<String, String> COMMANDS = Map.of("serverledge", "./cmd/serverledge",
            "serverledge-lb", "./cmd/lb", "serverledge-cli", "./cmd/cli", "serverledge-executor", "./cmd/executor");
    public static final List<String> BINARIES = List.copyOf(new java.util.TreeSet<>(COMMANDS.keySet()));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "serverledge " + Pins.SERVERLEDGE_VERSION;
    }

    @Override
    public Optional<String> missing(InstallContext context) {
        for (String b : BINARIES) {
            if (context.cache().find(b).isEmpty()) {
                return Optional.of(b + " is not built in " + context.cache().directory());
            }
        }
        String version = context.cache().versions().get("serverledge.version");
        return Pins.SERVERLEDGE_VERSION.equals(version) ? Optional.empty()
                : Optional.of("serverledge in " + context.cache().directory() + " is " + version + ", not the pinned "
                + Pins.SERVERLEDGE_VERSION);
    }

    @Override
    public void install(InstallContext context) throws InstallException {
        Optional<String> go = GoToolchain.unusable();
        if (go.isPresent()) {
            throw new InstallException(go.get());
        }
        String module = Pins.SERVERLEDGE_MODULE + "@" + Pins.SERVERLEDGE_VERSION;
        try {
            context.say("downloading " + module + " from the Go module proxy");
            StringBuilder json = new StringBuilder();
            BuildCommand.Result download = GoToolchain.go("mod", "download", "-json", module)
                    .env("GONOSUMDB", Pins.SERVERLEDGE_MODULE).timeout(Duration.ofMinutes(10))
                    .run(l -> json.append(l).append('\n'), "");
            if (!download.ok()) {
                throw new InstallException("go mod download " + module + " failed: " + download.tail());
            }
            JsonNode info = JSON.readTree(json.toString());
            String sum = info.path("Sum").asText();
            if (!Pins.SERVERLEDGE_SUM.equals(sum)) {
                throw new InstallException(module + " has hash " + sum + ", expected " + Pins.SERVERLEDGE_SUM
                        + "; refusing to build it");
            }
            Path dir = Path.of(info.path("Dir").asText());
            Path work = Files.createDirectories(context.cache().root().resolve("build"));
            Files.createDirectories(context.cache().directory());
            for (String binary : BINARIES) {
                Path out = Files.createTempFile(work, binary, ".new");
                BuildCommand build = GoToolchain.go("build", "-trimpath", "-o", out.toString(), COMMANDS.get(binary))
                        .in(dir).timeout(Duration.ofMinutes(15));
                BuildCommand.Result r = build.run(context.progress(), "     ");
                if (!r.ok()) {
                    Files.deleteIfExists(out);
                    throw new InstallException(build + " in " + dir + " failed:\n" + r.tail());
                }
                Files.move(out, context.cache().directory().resolve(binary), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                context.say("built " + binary);
            }
            Map<String, String> record = new LinkedHashMap<>();
            record.put("serverledge.module", Pins.SERVERLEDGE_MODULE);
            record.put("serverledge.version", Pins.SERVERLEDGE_VERSION);
            record.put("serverledge.commit", Pins.SERVERLEDGE_COMMIT);
            record.put("serverledge.go", GoToolchain.version());
            context.cache().record(record);
        } catch (IOException e) {
            throw new InstallException("building serverledge failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallException("interrupted while building serverledge", e);
        }
    }

    @Override
    public String manualCommand() {
        return "mvn -Pinstall -Dsystems=serverledge (needs Go 1." + Pins.GO_MINOR_MIN + "+ and the Go module proxy)";
    }
}
