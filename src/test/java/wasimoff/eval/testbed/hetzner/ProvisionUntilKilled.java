package wasimoff.eval.testbed.hetzner;

import java.nio.file.Path;
import java.util.Properties;
import wasimoff.eval.testbed.Testbed;
import wasimoff.eval.testbed.Testbeds;

/**
 * A provisioning run in a JVM of its own, for the test that kills it midway: it creates the Hetzner
 * testbed exactly as a scenario does (token from the environment) against the API at
 * {@code args[0]} and provisions a fleet of {@code args[1]} providers.
 */
public final class ProvisionUntilKilled {
    private ProvisionUntilKilled() {
    }

    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty(HetznerSettings.API_URL, args[0]);
        p.setProperty(HetznerSettings.ALLOW_FROM, "198.51.100.7/32");
        Testbed testbed = Testbeds.create("hetzner", Path.of("target"), false, "optimal", p, false);
        testbed.provision(HetznerTestbedTest.fleet(Integer.parseInt(args[1])));
        System.out.println("provisioned: the test should have killed this run before");
    }
}
