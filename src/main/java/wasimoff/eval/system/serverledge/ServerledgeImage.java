package wasimoff.eval.system.serverledge;

import wasimoff.eval.install.FileTrees;
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
import java.util.Map;
import wasimoff.eval.testbed.LocalCommand;
import wasimoff.eval.testbed.Node;
import wasimoff.eval.testbed.docker.DockerEngine;
import wasimoff.eval.workload.ServerledgeFunction;

/**
 * The workload's TSP program as a Serverledge custom runtime, built locally with no registry:
 * {@code FROM scratch}, Serverledge's executor as {@code /executor} and the workload's
 * {@link ServerledgeFunction} files at the root with its {@code CUSTOM_CMD}, per the executor's
 * contract (parameters in {@code $PARAMS_FILE}, result text in {@code $RESULT_FILE} under
 * {@code /tmp}): for our program its static musl build as {@code /tsp} with
 * {@code CUSTOM_CMD="/tsp serverledge"}; for the seed's its static build as {@code /tsp} and our
 * shell-free {@code /wrapper /tsp} in place of the seed's {@code wrapper.sh}. The tag carries a hash
 * of the executor, the files and the command, so the image is rebuilt only when one of them changes.
 */
public final class ServerledgeImage {
    public static final String REPOSITORY = "wasimoff-eval/serverledge-tsp";

    private ServerledgeImage() {
    }

    static String dockerfile(ServerledgeFunction function) {
        StringBuilder b = new StringBuilder("FROM scratch\nCOPY executor /executor\n");
        function.files().keySet().stream().sorted().forEach(name -> b.append("COPY ").append(name).append(" /")
                .append(name).append('\n'));
        return b.append("COPY tmp /tmp\n")
                .append("ENV CUSTOM_CMD=\"").append(function.customCommand()).append("\"\n")
                .append("LABEL org.wasimoff-eval.image=serverledge-tsp\n")
                .append("CMD [\"/executor\"]\n").toString();
    }

    /** The image's tag: the repository and a hash of the executor, the function's files and its command. */
    public static String tag(Path executor, ServerledgeFunction function) throws IOException {
        return REPOSITORY + ":" + hash(executor, function).substring(0, 16);
    }

    /**
     * Builds the image on {@code node}'s own Docker engine (a server's) unless it is there already:
     * the binaries go to the node, {@code docker build} runs there. Returns the tag.
     */
    public static String ensureOn(Node node, Path executor, ServerledgeFunction function) throws IOException {
        String tag = tag(executor, function);
        if (node.exec(List.of("docker", "image", "inspect", tag), Duration.ofSeconds(30)).exitCode() == 0) {
            return tag;
        }
        StringBuilder copies = new StringBuilder("cp " + node.putExecutable(executor) + " executor");
        for (Map.Entry<String, Path> f : function.files().entrySet()) {
            copies.append(" && cp ").append(node.putExecutable(f.getValue())).append(' ').append(f.getKey());
        }
        String dockerfile = node.putFile("serverledge-image/Dockerfile",
                dockerfile(function).getBytes(StandardCharsets.UTF_8));
        String dir = dockerfile.substring(0, dockerfile.lastIndexOf('/'));
        Node.CommandResult build = node.exec(List.of("sh", "-c", "cd " + dir + " && " + copies
                + " && mkdir -p tmp && docker build -q -t " + tag + " ."), Duration.ofMinutes(5));
        if (build.exitCode() != 0) {
            throw new IOException("building " + tag + " on " + node.name() + " failed: " + build.output());
        }
        return tag;
    }

    /** Builds the image unless an image with the same content tag exists; returns its tag. */
    public static String ensure(Path executor, ServerledgeFunction function, Path workDir)
            throws IOException, InterruptedException {
        String tag = tag(executor, function);
        try {
            DockerEngine.docker(List.of("image", "inspect", tag), Duration.ofSeconds(30));
            return tag;
        } catch (IOException missing) {
            // not built yet
        }
        Path context = Files.createTempDirectory(workDir, "serverledge-image");
        try {
            Files.copy(executor, context.resolve("executor"));
            for (Map.Entry<String, Path> f : function.files().entrySet()) {
                Files.copy(f.getValue(), context.resolve(f.getKey()));
            }
            Files.createDirectories(context.resolve("tmp"));
            Files.writeString(context.resolve("Dockerfile"), dockerfile(function));
            DockerEngine.docker(List.of("build", "-q", "-t", tag, context.toString()), Duration.ofMinutes(5));
            return tag;
        } finally {
            FileTrees.deleteTree(context);
        }
    }

    private static String hash(Path executor, ServerledgeFunction function) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(executor), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            for (Map.Entry<String, Path> f : new java.util.TreeMap<>(function.files()).entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.getValue()), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            sha.update(dockerfile(function).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
