package com.example.app;

import com.example.admin.UserListQuery;
import com.example.shop.ProductListQuery;
import java.util.List;

/** Uses both executions' classes: `mvn compile` fails if either execution's output is missing. */
public final class Clients {
    private Clients() {}

    public static List<Class<?>> operations() {
        return List.of(ProductListQuery.class, UserListQuery.class);
    }
}
