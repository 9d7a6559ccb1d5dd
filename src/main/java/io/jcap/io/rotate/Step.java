package io.jcap.io.rotate;

/** What a recording does at a check: go on in the same file, move to the next, or end. */
public enum Step {
    CONTINUE, SWITCH, STOP
}
