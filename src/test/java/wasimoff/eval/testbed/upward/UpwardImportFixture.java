package wasimoff.eval.testbed.upward;

import wasimoff.eval.report.AllureReport;

/** A testbed class that imports upwards, for {@code ArchitectureTest} to prove that its rule catches one. */
public final class UpwardImportFixture {
    private UpwardImportFixture() {
    }

    static void attach() {
        AllureReport.text("upward", "a testbed must not import report");
    }
}
