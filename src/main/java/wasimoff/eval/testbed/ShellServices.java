package wasimoff.eval.testbed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a node that runs shell command lines (an SSH server, a container) runs our long-lived
 * services: systemd units on real Debian servers, or plain session-leader processes with pid, log
 * and exit-status files where systemd is not running (containers, the sshd the tests start on
 * loopback). Each method answers a POSIX shell command line (dash and busybox ash both run them).
 */
public sealed interface ShellServices {
    /** Starts {@code command} detached from the session that runs this line; returns once it runs. */
    String start(String name, List<String> command, Map<String, String> environment, String stopSignal);

    /** Exits 0 while the service runs. */
    String alive(String name);

    /** Prints the exit status once the service has ended (nothing while it runs or when unknown). */
    String exitStatus(String name);

    /** Prints the last {@code lines} lines the service logged. */
    String log(String name, int lines);

    /** Sends the stop signal, waits up to 10 s, then kills; exits 0 whether or not it was running. */
    String stop(String name, String stopSignal);

    /** A service as a shell node runs it: command, environment and the signal that stops it. */
    record Launch(List<String> command, Map<String, String> environment, String stopSignal) {
        /**
         * How {@code service} runs on a node: our Java services as {@code java -jar <harness> service
         * <class> args} ({@code harnessJar} is asked only for them), native ones as they are.
         */
        public static Launch of(ServiceDefinition service, java.util.function.Supplier<String> harnessJar) {
            if (service instanceof ServiceDefinition.JavaService java) {
                List<String> command = new java.util.ArrayList<>(List.of("java", "-jar", harnessJar.get(), "service",
                        java.mainClass().getName()));
                command.addAll(java.args());
                return new Launch(command, Map.of(), "TERM");
            }
            ServiceDefinition.ProcessService process = (ServiceDefinition.ProcessService) service;
            return new Launch(process.command(), process.environment(), process.stopSignal());
        }
    }

    /** The command line that tells which manager a server needs: prints {@code systemd} or {@code plain}. */
    static String detect() {
        return "if [ -d /run/systemd/system ]; then echo systemd; else echo plain; fi";
    }

    /** Quotes one word for a POSIX shell. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words of a command, quoted and joined for a POSIX shell. */
    static String words(List<String> command) {
        return command.stream().map(ShellServices::quote).collect(Collectors.joining(" "));
    }

    /** Transient systemd units ({@code systemd-run}), logs in the journal. */
    record SystemdUnits(String workDir) implements ShellServices {
        static String unit(String name) {
            return "wasimoff-eval-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
        }

        @Override
        public String start(String name, List<String> command, Map<String, String> environment, String stopSignal) {
            String env = environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> " --setenv=" + ShellServices.quote(e.getKey() + "=" + e.getValue()))
                    .collect(Collectors.joining());
            return "systemctl reset-failed " + unit(name) + " 2>/dev/null; systemd-run --quiet --unit=" + unit(name)
                    + " --working-directory=" + ShellServices.quote(workDir) + " --property=KillSignal=SIG" + stopSignal
                    + " --property=TimeoutStopSec=10" + env + " -- " + words(command);
        }

        @Override
        public String alive(String name) {
            return "systemctl is-active --quiet " + unit(name);
        }

        @Override
        public String exitStatus(String name) {
            return "systemctl is-active --quiet " + unit(name) + " || systemctl show -p ExecMainStatus --value "
                    + unit(name);
        }

        @Override
        public String log(String name, int lines) {
            return "journalctl -u " + unit(name) + " -n " + lines + " --no-pager -o cat";
        }

        @Override
        public String stop(String name, String stopSignal) {
            return "systemctl stop " + unit(name) + " 2>/dev/null; true";
        }
    }

    /**
     * Each service is a session leader ({@code setsid}) whose process group is signalled as a whole;
     * its pid, log and exit status are files under {@code <work>/services/}.
     */
    record PlainProcesses(String workDir) implements ShellServices {
        private String file(String name, String suffix) {
            return ShellServices.quote(workDir + "/services/" + name + suffix);
        }

        @Override
        public String start(String name, List<String> command, Map<String, String> environment, String stopSignal) {
            // setsid -f, not "&": the shell ignores SIGINT in background jobs, and the service must not
            return prepare(name) + " && cd " + ShellServices.quote(workDir) + " && setsid -f sh -c "
                    + ShellServices.quote(run(name, command, environment)) + " && " + awaitStarted(name);
        }

        /** Makes the service's directory and forgets an earlier run's pid and exit status. */
        public String prepare(String name) {
            return "mkdir -p " + ShellServices.quote(workDir + "/services") + " && rm -f " + file(name, ".exit") + " "
                    + file(name, ".pid");
        }

        /**
         * The script that runs the service in the foreground of a session leader: output to its log,
         * its pid and, once it ends, its exit status to files. The wrapper shell outlives the stop
         * signal (a trap, not an ignore, so the service keeps its default handling) to record it.
         */
        public String run(String name, List<String> command, Map<String, String> environment) {
            String env = environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> ShellServices.quote(e.getKey() + "=" + e.getValue())).collect(Collectors.joining(" "));
            return "exec > " + file(name, ".log") + " 2>&1 < /dev/null; trap true INT TERM; echo $$ > "
                    + file(name, ".pid") + "; " + (env.isEmpty() ? "" : "env " + env + " ") + words(command)
                    + "; echo $? > " + file(name, ".exit");
        }

        /** Waits up to 5 s for the service's pid file; fails if it does not appear. */
        public String awaitStarted(String name) {
            return "i=0; while [ ! -s " + file(name, ".pid") + " ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done;"
                    + " [ -s " + file(name, ".pid") + " ]";
        }

        @Override
        public String alive(String name) {
            return "kill -0 -$(cat " + file(name, ".pid") + ") 2>/dev/null";
        }

        @Override
        public String exitStatus(String name) {
            return "cat " + file(name, ".exit") + " 2>/dev/null; true";
        }

        @Override
        public String log(String name, int lines) {
            return "tail -n " + lines + " " + file(name, ".log") + " 2>/dev/null; true";
        }

        @Override
        public String stop(String name, String stopSignal) {
            return "p=$(cat " + file(name, ".pid") + " 2>/dev/null) || exit 0; kill -" + stopSignal + " -$p"
                    + " 2>/dev/null; i=0; while kill -0 -$p 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2;"
                    + " i=$((i+1)); done; kill -KILL -$p 2>/dev/null; true";
        }
    }
}
