package io.github.sodagql.core.codegen.roundtrip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * small-app: twelve products (so that {@code first} absent, null and given return different counts) and a
 * {@code createProduct} mutation that echoes its arguments.
 */
final class SmallAppServer extends FixtureServer {
    static final List<Map<String, Object>> PRODUCTS = products();

    private SmallAppServer() {
        field("Query", "products", env -> {
            Integer first = env.getArgument("first");
            return first == null ? PRODUCTS : PRODUCTS.subList(0, Math.min(first, PRODUCTS.size()));
        });
        field("Query", "product", env -> PRODUCTS.stream()
                .filter(p -> p.get("id").equals(env.getArgument("id"))).findFirst().orElse(null));
        field("Mutation", "createProduct", env -> object(
                "id", "p" + (PRODUCTS.size() + 1),
                "name", env.getArgument("name"),
                "priceCents", env.getArgument("priceCents"),
                "inStock", false));
    }

    static Engine start(Path schema) {
        return new SmallAppServer().start(schema, "", null);
    }

    private static List<Map<String, Object>> products() {
        List<String> names = List.of("Espresso Cup", "Milk Jug", "Tamper", "Grinder", "Kettle", "Scale",
                "Filter Papers", "Dripper", "Carafe", "Thermometer", "Cleaning Brush", "Knock Box");
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            products.add(object("id", "p" + (i + 1), "name", names.get(i), "priceCents", 450 + 100 * i, "inStock", i % 3 != 2));
        }
        return List.copyOf(products);
    }
}
