package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.AddToCartInput;
import com.example.large.graphql.AddToCartMutation;
import com.example.large.graphql.AddressFields;
import com.example.large.graphql.AddressInput;
import com.example.large.graphql.CartLineItem;
import com.example.large.graphql.CartPageQuery;
import com.example.large.graphql.CartTotals;
import com.example.large.graphql.CartUpdatedSubscription;
import com.example.large.graphql.CartView;
import com.example.large.graphql.CheckoutInput;
import com.example.large.graphql.CheckoutMutation;
import com.example.large.graphql.CurrencyCode;
import com.example.large.graphql.Input;
import com.example.large.graphql.MoneyAmount;
import com.example.large.graphql.OrderDetail;
import com.example.large.graphql.OrderLineItem;
import com.example.large.graphql.OrderStatus;
import com.example.large.graphql.OrderSummary;
import com.example.large.graphql.ProductVariantOption;
import com.example.large.graphql.RemoveCartLineMutation;
import com.example.large.graphql.StockStatus;
import com.example.large.graphql.UpdateCartLineMutation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cart ({@code cart/cart.graphql}) and {@code Checkout}: mutations on in-memory state. */
class CartAndCheckoutTest {

    private final StorefrontServer server = new StorefrontServer();

    private static MoneyAmount usd(int cents, String formatted) {
        return new MoneyAmount(cents, CurrencyCode.USD, formatted);
    }

    private CartView cart() {
        CartPageQuery.Data data = CartPageQuery.Data.fromMap(server.execute(CartPageQuery.DOCUMENT, new CartPageQuery.Variables().toMap()));
        return data.cart().cartView();
    }

    private static List<CartLineItem> lines(CartView cart) {
        return cart.lines().stream().map(CartView.Lines::cartLineItem).toList();
    }

    @Test
    void cartPageShowsLinesTotalsAndNestedFragments() {
        CartView cart = cart();

        assertEquals("cart-1", cart.id());
        assertEquals(OffsetDateTime.parse("2024-06-14T20:00:00Z"), cart.updatedAt());

        CartTotals totals = cart.cartTotals();
        assertEquals(3, totals.itemCount());
        assertEquals(usd(10400, "$104.00"), totals.subtotal().moneyAmount());
        assertEquals(usd(832, "$8.32"), totals.estimatedTax().moneyAmount());
        assertEquals(usd(11232, "$112.32"), totals.total().moneyAmount());

        List<CartLineItem> lines = lines(cart);
        assertEquals(2, lines.size());
        CartLineItem kettle = lines.get(0);
        assertEquals("line-1", kettle.id());
        assertEquals(1, kettle.quantity());
        assertEquals(usd(5400, "$54.00"), kettle.unitPrice().moneyAmount());
        assertEquals(usd(5400, "$54.00"), kettle.lineTotal().moneyAmount());
        // CartView -> CartLineItem -> ProductCard -> BrandBadge
        assertEquals("Pour-Over Kettle", kettle.product().productCard().name());
        assertEquals("kettle-co", kettle.product().productCard().brand().brandBadge().slug());
        ProductVariantOption variant = kettle.variant().productVariantOption();
        assertEquals("Brushed Steel", variant.name());
        assertEquals(StockStatus.LOW_STOCK, variant.stockStatus());
        assertEquals(new ProductVariantOption.Options("Color", "Steel"), variant.options().get(0));

        CartLineItem dripper = lines.get(1);
        assertEquals(2, dripper.quantity());
        assertEquals(usd(2500, "$25.00"), dripper.unitPrice().moneyAmount());
        assertEquals(usd(5000, "$50.00"), dripper.lineTotal().moneyAmount());
        assertNull(dripper.variant());
        assertEquals("Northwind Coffee", dripper.product().productCard().brand().brandBadge().name());
    }

    @Test
    void addToCartUsesTheSchemaDefaultQuantityAndMergesLines() {
        AddToCartInput coldBrew = AddToCartInput.builder().productId("prod-5").build();
        assertEquals(Map.of("input", Map.of("productId", "prod-5")), new AddToCartMutation.Variables(coldBrew).toMap());

        AddToCartMutation.Data added = AddToCartMutation.Data.fromMap(server.execute(AddToCartMutation.DOCUMENT,
                AddToCartMutation.Variables.builder().input(coldBrew).build().toMap()));

        assertEquals(List.of(), added.addToCart().userErrors());
        CartView cart = added.addToCart().cart().cartView();
        assertEquals(Storefront.NOW, cart.updatedAt());
        CartLineItem newLine = lines(cart).get(2);
        assertEquals("line-3", newLine.id());
        assertEquals(1, newLine.quantity(), "quantity: Int = 1 applied by the server");
        assertEquals(StockStatus.PREORDER, newLine.product().productCard().stockStatus());
        assertEquals(4, cart.cartTotals().itemCount());

        // An explicit null variant and a quantity: merges into the existing dripper line.
        AddToCartInput moreDrippers = AddToCartInput.builder().productId("prod-3").variantId(null).quantity(3).build();
        Map<String, Object> sent = moreDrippers.toMap();
        assertEquals("prod-3", sent.get("productId"));
        assertEquals(3, sent.get("quantity"));
        assertTrue(sent.containsKey("variantId"));
        assertNull(sent.get("variantId"), "variantId is sent as an explicit null");
        CartView merged = server.execute(AddToCartMutation.INSTANCE, new AddToCartMutation.Variables(moreDrippers))
                .addToCart().cart().cartView();
        assertEquals(3, merged.lines().size());
        assertEquals(5, lines(merged).get(1).quantity());
        assertEquals(usd(12500, "$125.00"), lines(merged).get(1).lineTotal().moneyAmount());
    }

    @Test
    void addToCartReportsUserErrors() {
        AddToCartMutation.Data.AddToCart unknown = server.execute(AddToCartMutation.INSTANCE,
                new AddToCartMutation.Variables(AddToCartInput.builder().productId("prod-404").quantity(1).build())).addToCart();
        assertEquals(List.of(new AddToCartMutation.Data.AddToCart.UserErrors(List.of("input", "productId"),
                "No product with id prod-404", "NOT_FOUND")), unknown.userErrors());
        assertEquals(2, unknown.cart().cartView().lines().size(), "the cart is unchanged");

        AddToCartMutation.Data.AddToCart soldOut = server.execute(AddToCartMutation.INSTANCE,
                new AddToCartMutation.Variables(AddToCartInput.builder().productId("prod-4").build())).addToCart();
        assertEquals("OUT_OF_STOCK", soldOut.userErrors().get(0).code());
    }

    @Test
    void updateCartLineChangesQuantityAndZeroRemovesTheLine() {
        UpdateCartLineMutation.Variables fiveDrippers = UpdateCartLineMutation.Variables.builder().lineId("line-2").quantity(5).build();
        assertEquals(Map.of("lineId", "line-2", "quantity", 5), fiveDrippers.toMap());

        UpdateCartLineMutation.Data data = UpdateCartLineMutation.Data.fromMap(
                server.execute(UpdateCartLineMutation.DOCUMENT, fiveDrippers.toMap()));

        CartView cart = data.updateCartLine().cart().cartView();
        assertEquals(5, lines(cart).get(1).quantity());
        assertEquals(6, cart.cartTotals().itemCount());
        assertEquals(usd(17900, "$179.00"), cart.cartTotals().subtotal().moneyAmount());

        CartView withoutKettle = server.execute(UpdateCartLineMutation.INSTANCE, new UpdateCartLineMutation.Variables("line-1", 0))
                .updateCartLine().cart().cartView();
        assertEquals(List.of("line-2"), lines(withoutKettle).stream().map(CartLineItem::id).toList());

        UpdateCartLineMutation.Data.UpdateCartLine missing = server.execute(UpdateCartLineMutation.INSTANCE,
                new UpdateCartLineMutation.Variables("line-99", 1)).updateCartLine();
        assertEquals(List.of("input", "lineId"), missing.userErrors().get(0).field());
    }

    @Test
    void removeCartLineEmptiesTheCart() {
        RemoveCartLineMutation.Data first = RemoveCartLineMutation.Data.fromMap(server.execute(RemoveCartLineMutation.DOCUMENT,
                RemoveCartLineMutation.Variables.builder().lineId("line-1").build().toMap()));
        assertEquals(1, first.removeCartLine().cart().cartView().lines().size());

        CartView empty = server.execute(RemoveCartLineMutation.INSTANCE, new RemoveCartLineMutation.Variables("line-2"))
                .removeCartLine().cart().cartView();
        assertEquals(List.of(), empty.lines());
        assertEquals(0, empty.cartTotals().itemCount());
        assertNull(empty.cartTotals().estimatedTax(), "no tax estimate for an empty cart");
        assertEquals(usd(0, "$0.00"), empty.cartTotals().total().moneyAmount());

        RemoveCartLineMutation.Data.RemoveCartLine again = server.execute(RemoveCartLineMutation.INSTANCE,
                new RemoveCartLineMutation.Variables("line-2")).removeCartLine();
        assertEquals(new RemoveCartLineMutation.Data.RemoveCartLine.UserErrors(List.of("lineId"), "No cart line with id line-2", "NOT_FOUND"),
                again.userErrors().get(0));
    }

    @Test
    void checkoutTurnsTheCartIntoAnOrder() {
        AddressInput address = AddressInput.builder()
                .fullName("Ada Lovelace").line1("1 Engine Way").city("Cambridge").postalCode("CB2 1TN").countryCode("GB")
                .build();
        CheckoutInput input = CheckoutInput.builder()
                .cartId("cart-1").shippingAddress(address).paymentToken("tok_visa").couponCode("WELCOME10")
                .build();
        CheckoutMutation.Variables variables = CheckoutMutation.Variables.builder().input(input).build();
        Map<?, ?> sentInput = (Map<?, ?>) variables.toMap().get("input");
        assertFalse(sentInput.containsKey("billingAddress"), "billingAddress is absent");
        assertEquals(Map.of("fullName", "Ada Lovelace", "line1", "1 Engine Way", "city", "Cambridge", "postalCode", "CB2 1TN",
                "countryCode", "GB"), sentInput.get("shippingAddress"));

        CheckoutMutation.Data data = CheckoutMutation.Data.fromMap(server.execute(CheckoutMutation.DOCUMENT, variables.toMap()));

        assertEquals(List.of(), data.checkout().userErrors());
        OrderDetail order = data.checkout().order().orderDetail();
        OrderSummary summary = order.orderSummary();
        assertEquals("order-4", summary.id());
        assertEquals("SO-10424", summary.number());
        assertEquals(OrderStatus.PAID, summary.status());
        assertEquals(Storefront.NOW, summary.placedAt());
        assertNull(order.trackingNumber());
        // 10% off 104.00, shipping 5.00 below 100.00, 8% tax
        assertEquals(usd(9360, "$93.60"), order.subtotal().moneyAmount());
        assertEquals(usd(500, "$5.00"), order.shippingCost().moneyAmount());
        assertEquals(usd(749, "$7.49"), order.tax().moneyAmount());
        assertEquals(usd(10609, "$106.09"), summary.total().moneyAmount());
        assertEquals(new AddressFields("addr-4", "Ada Lovelace", "1 Engine Way", "Cambridge", "CB2 1TN", "GB"),
                order.shippingAddress().addressFields());

        List<OrderLineItem> lines = order.lines().stream().map(OrderDetail.Lines::orderLineItem).toList();
        assertEquals(2, lines.size());
        assertEquals(new OrderLineItem.Variant("var-2", "Brushed Steel"), lines.get(0).variant());
        assertEquals(usd(5400, "$54.00"), lines.get(0).unitPrice().moneyAmount());
        assertEquals("Coffee Dripper", lines.get(1).product().productCard().name());
        assertEquals(2, lines.get(1).quantity());
        assertNull(lines.get(1).variant());

        assertEquals(List.of(), cart().lines(), "checkout empties the cart");
    }

    @Test
    void checkoutReportsEveryProblem() {
        CheckoutInput input = new CheckoutInput("cart-1",
                new AddressInput("Ada Lovelace", "1 Engine Way", "Cambridge", "CB2 1TN", "GB"),
                Input.nullValue(), "tok_declined", Input.of("FREESTUFF"));

        CheckoutMutation.Data.Checkout checkout = server.execute(CheckoutMutation.INSTANCE, new CheckoutMutation.Variables(input)).checkout();

        assertNull(checkout.order());
        assertEquals(List.of("PAYMENT_DECLINED", "INVALID_COUPON"), checkout.userErrors().stream().map(CheckoutMutation.Data.Checkout.UserErrors::code).toList());
        assertEquals(List.of("input", "couponCode"), checkout.userErrors().get(1).field());
        assertEquals(2, cart().lines().size(), "the cart is kept");
    }

    @Test
    void cartUpdatedDeliversTheCartAsAnEvent() throws Exception {
        CartUpdatedSubscription.Variables variables = CartUpdatedSubscription.Variables.builder().cartId("cart-1").build();

        List<Map<String, Object>> events = server.subscribe(CartUpdatedSubscription.DOCUMENT, variables.toMap());

        assertEquals(1, events.size());
        CartView fromEvent = CartUpdatedSubscription.INSTANCE.decode(events.get(0)).cartUpdated().cartView();
        assertEquals(cart(), fromEvent, "the event carries the same CartView as the cart page");

        assertEquals(List.of(), server.subscribe(CartUpdatedSubscription.DOCUMENT,
                new CartUpdatedSubscription.Variables("cart-404").toMap()));
    }
}
