package wasimoff.eval.system.serverledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import wasimoff.eval.testbed.LocalCommand;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.docker.DockerEngine;

/**
 * Our TSP as a Serverledge custom runtime, built locally with no registry: {@code FROM scratch},
 * Serverledge's executor as {@code /executor}, the static musl build of our TSP program as
 * {@code /tsp} and {@code CUSTOM_CMD="/tsp serverledge"}, per the executor's contract (parameters
 * in {@code $PARAMS_FILE}, result text in {@code $RESULT_FILE} under {@code /tmp}). The tag carries
 * a hash of both binaries, so the image is rebuilt only when one of them changes.
 */
public final class ServerledgeImage {
    public static final String REPOSITORY = "wasimoff-eval/serverledge-tsp";

    private static final String DOCKERFILE = String.join("\n",
            "FROM scratch",
            "COPY executor /executor",
            "COPY tsp /tsp",
            "COPY tmp /tmp",
            "ENV CUSTOM_CMD=\"/tsp serverledge\"",
            "LABEL org.wasimoff-eval.image=serverledge-tsp",
            "CMD [\"/executor\"]",
            "");

    private ServerledgeImage() {
    }

    /** The image's tag: the repository and a hash of both binaries. */
    public static String tag(Path executor, Path tsp) throws IOException {
        return REPOSITORY + ":" + hash(executor, tsp).substring(0, 16);
    }

    /**
     * Builds the image on {@code node}'s own Docker engine (a server's) unless it is there already:
     * the binaries go to the node, {@code docker build} runs there. Returns the tag.
     */
    public static String ensureOn(Node node, Path executor, Path tsp) throws IOException {
        String tag = tag(executor, tsp);
        if (node.exec(List.of("docker", "image", "inspect", tag), Duration.ofSeconds(30)).exitCode() == 0) {
            return tag;
        }
        String exe = node.putExecutable(executor);
        String program = node.putExecutable(tsp);
        String dockerfile = node.putFile("serverledge-image/Dockerfile", DOCKERFILE.getBytes(StandardCharsets.UTF_8));
        String dir = dockerfile.substring(0, dockerfile.lastIndexOf('/'));
        Node.CommandResult build = node.exec(List.of("sh", "-c", "cd " + dir + " && cp " + exe + " executor && cp "
                + program + " tsp && mkdir -p tmp && docker build -q -t " + tag + " ."), Duration.ofMinutes(5));
        if (build.exitCode() != 0) {
            throw new IOException("building " + tag + " on " + node.name() + " failed: " + build.output());
        }
        return tag;
    }

    /** Builds the image unless an image with the same content tag exists; returns its tag. */
    public static String ensure(Path executor, Path tsp, Path workDir) throws IOException, InterruptedException {
        String tag = tag(executor, tsp);
        try {
            DockerEngine.docker(List.of("image", "inspect", tag), Duration.ofSeconds(30));
            return tag;
        } catch (IOException missing) {
            // not built yet
        }
        Path context = Files.createTempDirectory(workDir, "serverledge-image");
        try {
            Files.copy(executor, context.resolve("executor"));
            Files.copy(tsp, context.resolve("tsp"));
            Files.createDirectories(context.resolve("tmp"));
            Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
            DockerEngine.docker(List.of("build", "-q", "-t", tag, context.toString()), Duration.ofMinutes(5));
            return tag;
        } finally {
            LocalCommand.deleteTree(context);
        }
    }

    private static String hash(Path... files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
