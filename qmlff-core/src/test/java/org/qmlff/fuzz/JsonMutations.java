package org.qmlff.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Structure-aware mutations of a JSON tree: a node replaced, removed, retyped or resized. */
final class JsonMutations {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    static void mutate(ObjectNode root, SplittableRandom rng, int count) {
        for (int m = 0; m < count; m++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode c = containers.get(rng.nextInt(containers.size()));
            if (c instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(rng.nextInt(names.size()));
                if (rng.nextInt(4) == 0) o.remove(name);
                else o.set(name, replacement(rng));
            } else if (c instanceof ArrayNode a && a.size() > 0) {
                int i = rng.nextInt(a.size());
                switch (rng.nextInt(3)) {
                    case 0 -> a.remove(i);
                    case 1 -> a.add(replacement(rng));
                    default -> a.set(i, replacement(rng));
                }
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            // the long parameter arrays would swamp the choice: visit only their first elements
            int seen = 0;
            for (JsonNode child : n) {
                if (seen++ > 4) break;
                collect(child, out);
            }
        }
    }

    private static JsonNode replacement(SplittableRandom rng) {
        return switch (rng.nextInt(10)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode("x");
            case 2 -> F.numberNode(-1);
            case 3 -> F.numberNode(0);
            case 4 -> F.numberNode(1e308);
            case 5 -> F.numberNode(Double.NaN);
            case 6 -> F.arrayNode();
            case 7 -> F.objectNode();
            case 8 -> F.numberNode(rng.nextInt(100));
            default -> F.booleanNode(true);
        };
    }
}
