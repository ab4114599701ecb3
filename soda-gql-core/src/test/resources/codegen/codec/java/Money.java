package com.example.test;

import java.math.BigDecimal;

/** A user's own value type, mapped to the Money scalar. */
public record Money(BigDecimal amount, String currency) {}
