package org.gapdesk.activation;

/**
 * A lab machine as the kiosk knows it.
 *
 * @param lab the lab code, e.g. {@code LAB-A}
 * @param name host name, or an alias when the lab keeps names inside
 * @param alias true when {@code name} is an alias chosen by the lab
 */
public record Machine(String lab, String name, boolean alias) {
    public Machine {
        lab = lab == null ? "" : lab.strip();
        name = name == null ? "" : name.strip();
    }
}
