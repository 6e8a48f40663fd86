package io.voidvm.launcher.ports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks every port of the stack before anything starts, so a conflict never leaves half a stack running. */
public final class PortCheck {

    private PortCheck() {
    }

    /** One line per problem: a port claimed twice in the plan, or a port some other program already uses. */
    public static List<String> conflicts(List<PortClaim> claims, PortProbe probe) {
        List<String> problems = new ArrayList<>();
        Map<Integer, PortClaim> seen = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim earlier = seen.putIfAbsent(claim.port(), claim);
            if (earlier != null) {
                problems.add(claim.describe() + " is also planned for " + earlier.component());
            } else if (!probe.isFree(claim.port())) {
                problems.add(claim.describe() + " is already in use by another program"
                        + " (see: ss -ltnp 'sport = :" + claim.port() + "')");
            }
        }
        return problems;
    }
}
