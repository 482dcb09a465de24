package wasimoff.eval.scenario;

import java.time.Duration;

/** Closed-loop load as Locust ran it in the seed: users, spawn rate per second, run time. */
public record LoadProfile(int users, double spawnRate, Duration runTime) {
    public LoadProfile withUsers(int u) {
        return new LoadProfile(u, spawnRate, runTime);
    }

    public LoadProfile withSpawnRate(double rate) {
        return new LoadProfile(users, rate, runTime);
    }

    public LoadProfile withRunTime(Duration d) {
        return new LoadProfile(users, spawnRate, d);
    }

    @Override
    public String toString() {
        return users + " users @ " + spawnRate + "/s for " + runTime.toSeconds() + "s";
    }
}
