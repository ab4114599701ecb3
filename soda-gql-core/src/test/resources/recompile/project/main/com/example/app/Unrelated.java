package com.example.app;

public final class Unrelated {
    public int answer() {
        return 42;
    }
}
