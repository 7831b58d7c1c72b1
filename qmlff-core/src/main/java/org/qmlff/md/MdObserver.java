package org.qmlff.md;

import java.io.IOException;

/**
 * Sees the state after step 0 (the initial state, with its forces) and after every completed step;
 * it must not modify it. A state that failed a blow-up check is not shown. Observers that write files
 * write whole records at a time, so that a run stopped at any point leaves valid files.
 */
public interface MdObserver {

    /** Called after step 0 and after every completed step. */
    void observe(MdState state) throws IOException;
}
