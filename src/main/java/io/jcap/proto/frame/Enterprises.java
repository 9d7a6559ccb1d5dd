package io.jcap.proto.frame;

/**
 * Names of IANA Private Enterprise Numbers, for pcapng custom blocks. tshark reads
 * IANA's whole registry; jcap knows the numbers meant for examples and documentation.
 */
final class Enterprises {
    private Enterprises() {
    }

    static String name(long pen) {
        if (pen == 32473) {
            return "Example Enterprise Number for Documentation Use";
        }
        if (pen == 36724) {
            return "Kaplan Research and Application Prototyping";
        }
        return "Unknown";
    }
}
