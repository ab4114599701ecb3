package com.example.app;

/** Uses a generated type without naming it: only its class file shows the dependency. */
public final class Chain {
    public String greeting() {
        return Holder.get().greeting();
    }
}
