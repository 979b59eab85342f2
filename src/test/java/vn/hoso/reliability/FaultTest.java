package vn.hoso.reliability;

import org.junit.jupiter.api.AfterAll;

/**
 * A fault or operations test of the packaged app: its {@link FaultRig} (infrastructure and app processes) is closed
 * after the class, killing every process it started by pid, whatever the test did.
 */
abstract class FaultTest {

    static FaultRig rig;

    @AfterAll
    static void closeTheRig() {
        if (rig != null) {
            rig.close();
            rig = null;
        }
    }
}
