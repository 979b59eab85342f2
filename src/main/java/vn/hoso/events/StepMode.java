package vn.hoso.events;

/** How a step was done: on the system with a digital signature, or on paper and recorded afterwards. */
public enum StepMode {
    ELECTRONIC, PAPER
}
