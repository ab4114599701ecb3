package com.example.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.medium.graphql.CatalogPageQuery;
import com.example.medium.graphql.CategoryChip;
import com.example.medium.graphql.CategoryNavItem;
import com.example.medium.graphql.Currency;
import com.example.medium.graphql.GraphQLOperation;
import com.example.medium.graphql.Input;
import com.example.medium.graphql.Operations;
import com.example.medium.graphql.OrderStatusChangedSubscription;
import com.example.medium.graphql.ProductCard;
import com.example.medium.graphql.ProductDetail;
import com.example.medium.graphql.ProductFilter;
import com.example.medium.graphql.ProductPageQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog pages ({@code pages/catalog.graphql}) against a real graphql-java engine. */
class CatalogTest {

    private final ShopServer shop = new ShopServer();

    private CatalogPageQuery.Data catalogPage(CatalogPageQuery.Variables variables) {
        return CatalogPageQuery.Data.fromMap(shop.execute(CatalogPageQuery.DOCUMENT, variables.toMap()));
    }

    private static List<String> productIds(CatalogPageQuery.Data data) {
        return data.products().edges().stream().map(edge -> edge.node().productCard().id()).toList();
    }

    @Test
    void catalogPageWithDefaultVariablesShowsCategoriesAndProducts() {
        CatalogPageQuery.Variables variables = CatalogPageQuery.Variables.builder().build();
        assertEquals(Map.of(), variables.toMap());

        CatalogPageQuery.Data data = catalogPage(variables);

        // categories { ...CategoryNavItem }
        assertEquals(3, data.categories().size());
        CategoryNavItem coffee = data.categories().get(0).categoryNavItem();
        assertEquals(new CategoryChip("cat-coffee", "Coffee", "coffee"), coffee.categoryChip());
        assertEquals(1, coffee.productCount());
        assertNull(coffee.parent());
        CategoryNavItem beans = data.categories().get(1).categoryNavItem();
        assertEquals("beans", beans.categoryChip().slug());
        assertEquals(2, beans.productCount());
        assertEquals("cat-coffee", beans.parent().id());
        assertEquals("Coffee", beans.parent().name());

        // products: the document's default (first: 12) covers all five
        CatalogPageQuery.Data.Products products = data.products();
        assertEquals(5, products.totalCount());
        assertEquals(List.of("prod-1", "prod-2", "prod-3", "prod-4", "prod-5"), productIds(data));
        assertFalse(products.pageInfo().hasNextPage());
        assertEquals("cursor-prod-5", products.pageInfo().endCursor());

        CatalogPageQuery.Data.Products.Edges firstEdge = products.edges().get(0);
        assertEquals("cursor-prod-1", firstEdge.cursor());
        ProductCard card = firstEdge.node().productCard();
        assertEquals("Ethiopia Yirgacheffe", card.name());
        assertEquals("https://img.example.com/eth.jpg", card.imageUrl());
        assertTrue(card.inStock());
        assertEquals(1800, card.productPrice().price().amount());
        assertEquals(Currency.USD, card.productPrice().price().currency());
        assertEquals(new CategoryChip("cat-beans", "Beans", "beans"), card.category().categoryChip());

        ProductCard moka = products.edges().get(2).node().productCard();
        assertFalse(moka.inStock());
        assertEquals(Currency.EUR, moka.productPrice().price().currency());
        ProductCard sencha = products.edges().get(3).node().productCard();
        assertNull(sencha.imageUrl());
        assertEquals(Currency.JPY, sencha.productPrice().price().currency());
    }

    @Test
    void catalogPagePagesWithFirstAndAfter() {
        CatalogPageQuery.Data page1 = catalogPage(CatalogPageQuery.Variables.builder().first(2).build());
        assertEquals(List.of("prod-1", "prod-2"), productIds(page1));
        assertTrue(page1.products().pageInfo().hasNextPage());
        String cursor = page1.products().pageInfo().endCursor();
        assertEquals("cursor-prod-2", cursor);

        CatalogPageQuery.Variables next = CatalogPageQuery.Variables.builder().first(2).after(cursor).build();
        assertEquals(Map.of("first", 2, "after", "cursor-prod-2"), next.toMap());
        CatalogPageQuery.Data page2 = catalogPage(next);
        assertEquals(List.of("prod-3", "prod-4"), productIds(page2));
        assertEquals(5, page2.products().totalCount());

        // An explicit null cursor starts from the beginning, like an absent one.
        CatalogPageQuery.Variables fromStart = CatalogPageQuery.Variables.builder().first(2).after(null).build();
        assertTrue(fromStart.toMap().containsKey("after"));
        assertEquals(List.of("prod-1", "prod-2"), productIds(catalogPage(fromStart)));
    }

    @Test
    void catalogPageFiltersWithAnInputObject() {
        ProductFilter filter = ProductFilter.builder().categoryId("cat-beans").maxPrice(1700).build();
        assertEquals(Map.of("categoryId", "cat-beans", "maxPrice", 1700), filter.toMap(), "absent input fields are left out");

        CatalogPageQuery.Data data = catalogPage(CatalogPageQuery.Variables.builder().filter(filter).build());
        assertEquals(List.of("prod-2"), productIds(data));
        assertEquals(1, data.products().totalCount());

        ProductFilter inStockTea = ProductFilter.builder().search("A").inStockOnly(true).build();
        assertEquals(List.of("prod-1", "prod-2", "prod-4", "prod-5"),
                productIds(catalogPage(CatalogPageQuery.Variables.builder().filter(inStockTea).build())));

        // filter: null means "no filter"
        CatalogPageQuery.Variables noFilter = CatalogPageQuery.Variables.builder().filter(null).build();
        assertEquals(5, catalogPage(noFilter).products().totalCount());
    }

    @Test
    void productPageShowsTheProductDetailFragment() {
        ProductPageQuery.Data data = ProductPageQuery.Data.fromMap(
                shop.execute(ProductPageQuery.DOCUMENT, ProductPageQuery.Variables.builder().id("prod-3").build().toMap()));

        ProductDetail detail = data.product().productDetail();
        assertEquals("GEAR-MOKA", detail.sku());
        assertEquals("Stovetop espresso maker.", detail.description());
        assertEquals("prod-3", detail.productCard().id());
        assertEquals("Moka Pot", detail.productCard().name());
        assertEquals(3500, detail.productCard().productPrice().price().amount());
        assertEquals("coffee", detail.productCard().category().categoryChip().slug());

        ProductDetail huila = ProductPageQuery.INSTANCE.decode(
                shop.execute(ProductPageQuery.DOCUMENT, new ProductPageQuery.Variables("prod-2").toMap())).product().productDetail();
        assertNull(huila.description());
        assertNull(huila.productCard().imageUrl());
    }

    @Test
    void productPageForAnUnknownIdHasNoProduct() {
        ProductPageQuery.Data data = shop.execute(ProductPageQuery.INSTANCE, new ProductPageQuery.Variables("prod-404"));
        assertNull(data.product());
    }

    @Test
    void operationsAreFoundByIdAndByName() {
        assertEquals(6, Operations.all().size());
        for (GraphQLOperation<?, ?> operation : Operations.all()) {
            assertSame(operation, Operations.byId(operation.id()).orElseThrow());
            assertSame(operation, Operations.byName(operation.name()).orElseThrow());
        }
        GraphQLOperation<?, ?> subscription = Operations.byName("OrderStatusChanged").orElseThrow();
        assertSame(OrderStatusChangedSubscription.INSTANCE, subscription);
        assertEquals("subscription", subscription.kind());
        assertNotNull(Operations.byId(CatalogPageQuery.OPERATION_ID).orElse(null));
        assertTrue(Operations.byId("not-an-id").isEmpty());
    }
}
