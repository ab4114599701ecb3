package com.example.app;

final class ChainTest {
    String check() {
        return new Chain().greeting() + Holder.get().greeting();
    }
}
