package com.example.app;

final class UnrelatedTest {
    int check() {
        return new Unrelated().answer();
    }
}
