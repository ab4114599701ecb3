package com.example.test;

import java.math.BigDecimal;

/** The user's codec: "12.50 EUR" in JSON, a Money in Java. */
public final class MoneyCodec implements ScalarCodec<Money> {
    @Override
    public Money decode(Object json) {
        String[] parts = ((String) json).split(" ");
        return new Money(new BigDecimal(parts[0]), parts[1]);
    }

    @Override
    public Object encode(Money value) {
        return value.amount().toPlainString() + " " + value.currency();
    }
}
