package org.gapdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gapdesk.activation.Machine;

/** Finds the ids of machines by lab and name, inserting the machines a lab does not have yet. */
final class MachineIds {
    private static final String INSERT_MACHINE = "INSERT INTO machine (lab, name, is_alias) VALUES (?, ?, ?)";

    /** The id of one machine, inserting it first if its lab has no machine of that name. */
    long idOf(Connection c, Machine machine) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM machine WHERE lab = ? AND name = ?")) {
            ps.setString(1, machine.lab());
            ps.setString(2, machine.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_MACHINE, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, machine.lab());
            ps.setString(2, machine.name());
            ps.setBoolean(3, machine.alias());
            ps.executeUpdate();
            return GeneratedKeys.of(ps);
        }
    }

    /**
     * The ids of many machines: reads each lab's machines once, inserts the missing ones in one batch (first
     * occurrence of a lab and name wins the alias flag), then reads the labs again.
     */
    Map<Machine, Long> idsOf(Connection c, List<Machine> machines) throws SQLException {
        Map<String, Map<String, Long>> byLab = new HashMap<>();
        for (Machine m : machines) {
            if (!byLab.containsKey(m.lab())) {
                byLab.put(m.lab(), machinesOfLab(c, m.lab()));
            }
        }
        List<Machine> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Machine m : machines) {
            if (!byLab.get(m.lab()).containsKey(m.name()) && seen.add(m.lab() + '\u0000' + m.name())) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_MACHINE)) {
                for (Machine m : missing) {
                    ps.setString(1, m.lab());
                    ps.setString(2, m.name());
                    ps.setBoolean(3, m.alias());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String lab : byLab.keySet()) {
                byLab.put(lab, machinesOfLab(c, lab));
            }
        }
        Map<Machine, Long> ids = new HashMap<>();
        for (Machine m : machines) {
            ids.put(m, byLab.get(m.lab()).get(m.name()));
        }
        return ids;
    }

    private static Map<String, Long> machinesOfLab(Connection c, String lab) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM machine WHERE lab = ?")) {
            ps.setString(1, lab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return out;
    }
}
