package com.example.loop;

/** Uses nothing generated: no edit of a document compiles it again. */
public final class Greeting {
    private Greeting() {}

    public static String hello(String name) {
        return "Hello, " + name;
    }
}
