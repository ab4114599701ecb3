package roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.largeapp.AccountPageQuery;
import com.example.largeapp.AddToCartInput;
import com.example.largeapp.AddToCartMutation;
import com.example.largeapp.AddressFields;
import com.example.largeapp.AddressInput;
import com.example.largeapp.BrandBadge;
import com.example.largeapp.BrandDetail;
import com.example.largeapp.BrandPageQuery;
import com.example.largeapp.CartLineItem;
import com.example.largeapp.CartPageQuery;
import com.example.largeapp.CartUpdatedSubscription;
import com.example.largeapp.CartView;
import com.example.largeapp.CategoryHeader;
import com.example.largeapp.CategoryLink;
import com.example.largeapp.CategoryPageQuery;
import com.example.largeapp.CategoryTile;
import com.example.largeapp.CheckoutInput;
import com.example.largeapp.CheckoutMutation;
import com.example.largeapp.CurrencyCode;
import com.example.largeapp.GraphQLOperation;
import com.example.largeapp.HomePageQuery;
import com.example.largeapp.Input;
import com.example.largeapp.MoneyAmount;
import com.example.largeapp.OrderDetail;
import com.example.largeapp.OrderLineItem;
import com.example.largeapp.OrderStatus;
import com.example.largeapp.OrderStatusChangedSubscription;
import com.example.largeapp.OrderSummary;
import com.example.largeapp.PriceRangeInput;
import com.example.largeapp.ProductCard;
import com.example.largeapp.ProductDetailFields;
import com.example.largeapp.ProductDetailPageQuery;
import com.example.largeapp.ProductFilterInput;
import com.example.largeapp.ProductListQuery;
import com.example.largeapp.ProductSort;
import com.example.largeapp.ProductVariantOption;
import com.example.largeapp.RatingBreakdown;
import com.example.largeapp.RemoveCartLineMutation;
import com.example.largeapp.ReviewConnectionFields;
import com.example.largeapp.ReviewItem;
import com.example.largeapp.ReviewListQuery;
import com.example.largeapp.ReviewSort;
import com.example.largeapp.SearchResultsQuery;
import com.example.largeapp.StockStatus;
import com.example.largeapp.SubmitReviewInput;
import com.example.largeapp.SubmitReviewMutation;
import com.example.largeapp.UpdateCartLineMutation;
import com.example.largeapp.UserGreeting;
import com.example.largeapp.UserProfile;
import com.example.largeapp.UserRole;
import io.github.sodagql.core.codegen.roundtrip.Engine;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Round trips of large-app's operations, written against the generated API and compiled with it at test
 * time. Each {@code public static void xxx(Engine)} method is one test of RoundTripTest.
 */
public final class LargeAppChecks {
    private LargeAppChecks() {}

    private static final AddressInput ADA = new AddressInput("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB");

    /** Variables for every operation, by operation name: the "every operation executes" test uses them. */
    public static Map<String, GraphQLOperation.Variables> sampleVariables() {
        return Map.ofEntries(
                Map.entry("AccountPage", AccountPageQuery.Variables.builder().build()),
                Map.entry("AddToCart", AddToCartMutation.Variables.builder()
                        .input(AddToCartInput.builder().productId("prod1").variantId("v2").quantity(2).build()).build()),
                Map.entry("BrandPage", BrandPageQuery.Variables.builder().slug("acme").build()),
                Map.entry("CartPage", CartPageQuery.Variables.builder().build()),
                Map.entry("CartUpdated", CartUpdatedSubscription.Variables.builder().cartId("cart1").build()),
                Map.entry("CategoryPage", CategoryPageQuery.Variables.builder().slug("coffee").build()),
                Map.entry("Checkout", CheckoutMutation.Variables.builder().input(CheckoutInput.builder()
                        .cartId("cart1").shippingAddress(ADA).paymentToken("tok_visa").build()).build()),
                Map.entry("HomePage", HomePageQuery.Variables.builder().build()),
                Map.entry("OrderStatusChanged", OrderStatusChangedSubscription.Variables.builder().orderId("ord3").build()),
                Map.entry("ProductDetailPage", ProductDetailPageQuery.Variables.builder().slug("espresso-machine").build()),
                Map.entry("ProductList", ProductListQuery.Variables.builder().sort(ProductSort.PRICE_ASC).build()),
                Map.entry("RemoveCartLine", RemoveCartLineMutation.Variables.builder().lineId("cl2").build()),
                Map.entry("ReviewList", ReviewListQuery.Variables.builder().productId("prod1").build()),
                Map.entry("SearchResults", SearchResultsQuery.Variables.builder().query("coffee").build()),
                Map.entry("SubmitReview", SubmitReviewMutation.Variables.builder().input(SubmitReviewInput.builder()
                        .productId("prod1").rating(5).title("Love it").body("Best purchase this year.").build()).build()),
                Map.entry("UpdateCartLine", UpdateCartLineMutation.Variables.builder().lineId("cl2").quantity(5).build()));
    }

    // ---- HomePage, ProductList: fragments, enums, money, optional objects, variables ----

    public static void anUnknownEnumValueCannotBeSentAsAVariable(Engine engine) {
        AccountPageQuery.Variables variables = AccountPageQuery.Variables.builder().status(OrderStatus.UNKNOWN__).build();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, variables::toMap);
        assertTrue(refused.getMessage().contains("UNKNOWN__"), refused.getMessage());
    }

    public static void homePageDecodesTheViewerRootCategoriesNewArrivalsAndBrands(Engine engine) {
        HomePageQuery.Data data = HomePageQuery.Data.fromMap(
                engine.execute(HomePageQuery.DOCUMENT, HomePageQuery.Variables.builder().build().toMap()));

        UserGreeting viewer = data.viewer().userGreeting();
        assertEquals("u1", viewer.id());
        assertEquals("Ada", viewer.displayName());
        assertEquals(new UserGreeting.Avatar("https://img.example/ada.png", "Ada"), viewer.avatar());
        assertEquals(1, data.categories().size(), "categories(rootOnly: true)");
        CategoryTile kitchen = data.categories().get(0).categoryTile();
        assertEquals(new CategoryLink("cat1", "kitchen", "Kitchen"), kitchen.categoryLink());
        assertEquals(1, kitchen.productCount());
        assertEquals(new CategoryTile.Image("https://img.example/kitchen.png", "Kitchen"), kitchen.image());
        assertEquals(List.of("Matcha Set", "Coffee Grinder", "Espresso Machine", "Tea Kettle"),
                data.newArrivals().edges().stream().map(edge -> edge.node().productCard().name()).toList(),
                "newArrivals: products(first: 8, sort: NEWEST)");
        assertEquals(List.of("Acme", "Globex", "Coffee Co."),
                data.featuredBrands().stream().map(brand -> brand.brandBadge().name()).toList());
        assertEquals(new BrandBadge.Logo("https://img.example/acme.png", "Acme logo"),
                data.featuredBrands().get(0).brandBadge().logo());
        assertNull(data.featuredBrands().get(1).brandBadge().logo());
    }

    public static void productCardDecodesEnumsMoneyAndOptionalObjects(Engine engine) {
        ProductListQuery.Data.Products products = ProductListQuery.Data.fromMap(
                engine.execute(ProductListQuery.DOCUMENT, ProductListQuery.Variables.builder().build().toMap())).products();

        assertEquals(4, products.totalCount());
        ProductCard machine = products.edges().get(0).node().productCard();
        assertEquals("prod1", machine.id());
        assertEquals("espresso-machine", machine.slug());
        assertSame(StockStatus.IN_STOCK, machine.stockStatus());
        assertEquals(new ProductCard.Thumbnail("https://img.example/em.png", "Espresso machine", 400, 300), machine.thumbnail());
        assertEquals(new MoneyAmount(49999, CurrencyCode.USD, "$499.99"), machine.price().moneyAmount());
        assertEquals(new MoneyAmount(59999, CurrencyCode.USD, "$599.99"), machine.compareAtPrice().moneyAmount());
        assertEquals(new ProductCard.Rating(4.5, 2), machine.rating());
        assertEquals("Acme", machine.brand().brandBadge().name());
        ProductCard grinder = products.edges().get(1).node().productCard();
        assertSame(StockStatus.LOW_STOCK, grinder.stockStatus());
        assertNull(grinder.thumbnail());
        assertNull(grinder.compareAtPrice());
        assertNull(grinder.rating());
        assertNull(grinder.brand().brandBadge().logo());
        ProductCard matcha = products.edges().get(2).node().productCard();
        assertSame(StockStatus.OUT_OF_STOCK, matcha.stockStatus());
        assertEquals(new MoneyAmount(3500, CurrencyCode.EUR, "€35.00"), matcha.price().moneyAmount());
        ProductCard kettle = products.edges().get(3).node().productCard();
        assertSame(StockStatus.PREORDER, kettle.stockStatus());
        assertEquals(new MoneyAmount(4800, CurrencyCode.JPY, "¥4800"), kettle.price().moneyAmount());
        assertFalse(products.pageInfo().hasNextPage());
        assertEquals("prod4", products.pageInfo().endCursor());
    }

    public static void productListTotalCountIsLeftOutWhenWithTotalIsFalse(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().withTotal(false).build();

        assertEquals(Map.of("withTotal", false), variables.toMap());
        Map<String, Object> response = engine.execute(ProductListQuery.DOCUMENT, variables.toMap());
        assertFalse(((Map<?, ?>) response.get("products")).containsKey("totalCount"));
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(response);
        assertNull(data.products().totalCount());
        assertEquals(4, data.products().edges().size());
    }

    public static void productListSortLeftAbsentGetsTheOperationDefault(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().build();

        assertEquals(Map.of(), variables.toMap());
        engine.execute(ProductListQuery.DOCUMENT, variables.toMap());
        assertEquals(Map.of("first", 24, "sort", "RELEVANCE"), engine.arguments("Query.products"));
    }

    public static void productListSortSetToNullReachesTheServerAsNull(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().sort(null).build();

        assertEquals(Collections.singletonMap("sort", null), variables.toMap());
        engine.execute(ProductListQuery.DOCUMENT, variables.toMap());
        Map<String, Object> expected = new HashMap<>(Map.of("first", 24));
        expected.put("sort", null);
        assertEquals(expected, engine.arguments("Query.products"), "null overrides both the variable and the argument default");
    }

    public static void productListSortGivenOrdersTheProducts(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder().sort(ProductSort.PRICE_DESC).build();

        assertEquals(Map.of("sort", "PRICE_DESC"), variables.toMap());
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));
        assertEquals(List.of("Espresso Machine", "Coffee Grinder", "Tea Kettle", "Matcha Set"),
                data.products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
    }

    public static void productListFilterEncodesNestedInputObjectsAndListsOfEnums(Engine engine) {
        ProductListQuery.Variables variables = ProductListQuery.Variables.builder()
                .filter(ProductFilterInput.builder()
                        .stockStatuses(List.of(StockStatus.IN_STOCK, StockStatus.LOW_STOCK))
                        .price(PriceRangeInput.builder().maxCents(50000).build())
                        .build())
                .build();

        Map<String, Object> filter = Map.of("stockStatuses", List.of("IN_STOCK", "LOW_STOCK"), "price", Map.of("maxCents", 50000));
        assertEquals(Map.of("filter", filter), variables.toMap());
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.execute(ProductListQuery.DOCUMENT, variables.toMap()));
        assertEquals(filter, engine.arguments("Query.products").get("filter"));
        assertEquals(List.of("prod1", "prod2"), data.products().edges().stream().map(ProductListQuery.Data.Products.Edges::cursor).toList());
    }

    // ---- ProductDetailPage: interfaces, custom scalars, fragments of fragments, @skip ----

    public static void productDetailPageDecodesEachMediumIntoTheRecordOfItsConcreteType(Engine engine) {
        List<ProductDetailFields.Media> media = productDetail(engine, "espresso-machine").productDetailFields().media();

        assertEquals(List.of(ProductDetailFields.Media.Image.class, ProductDetailFields.Media.Video.class),
                media.stream().map(Object::getClass).toList());
        ProductDetailFields.Media.Image image = (ProductDetailFields.Media.Image) media.get(0);
        assertEquals(new ProductDetailFields.Media.Image("Image", "https://img.example/em-side.png", "Side view", 800, 600), image);
        ProductDetailFields.Media.Video video = (ProductDetailFields.Media.Video) media.get(1);
        assertEquals(95, video.durationSeconds());
        assertNull(video.altText());
        assertEquals("https://video.example/em.mp4", media.get(1).url(), "url() is on the sealed interface");
        assertEquals("Video", media.get(1).__typename());
    }

    public static void productDetailPageDecodesTheDateTimeScalarAsOffsetDateTime(Engine engine) {
        OffsetDateTime machine = productDetail(engine, "espresso-machine").productDetailFields().createdAt();
        OffsetDateTime matcha = productDetail(engine, "matcha-set").productDetailFields().createdAt();

        assertEquals(OffsetDateTime.of(2024, 1, 10, 8, 30, 15, 0, ZoneOffset.UTC), machine);
        assertEquals(OffsetDateTime.of(2024, 3, 5, 16, 45, 50, 0, ZoneOffset.ofHours(2)), matcha);
        assertEquals(ZoneOffset.ofHours(2), matcha.getOffset(), "the offset is kept");
    }

    public static void productDetailPageDecodesFragmentsNestedInFragments(Engine engine) {
        ProductDetailPageQuery.Data.Product product = productDetail(engine, "espresso-machine");

        ProductDetailFields fields = product.productDetailFields();
        assertEquals("EM-1", fields.sku());
        assertEquals("Dual boiler.", fields.description());
        assertEquals("Espresso Machine", fields.productCard().name());
        assertEquals(List.of(new CategoryLink("cat2", "coffee", "Coffee"), new CategoryLink("cat4", "espresso", "Espresso")),
                fields.categories().stream().map(ProductDetailFields.Categories::categoryLink).toList());
        ProductVariantOption steel = fields.variants().get(1).productVariantOption();
        assertEquals("EM-1-STL", steel.sku());
        assertSame(StockStatus.LOW_STOCK, steel.stockStatus());
        assertEquals(new MoneyAmount(52999, CurrencyCode.USD, "$529.99"), steel.price().moneyAmount());
        assertEquals(List.of(new ProductVariantOption.Options("Color", "Steel")), steel.options());
        assertEquals(List.of("Coffee Grinder", "Matcha Set", "Tea Kettle"),
                fields.relatedProducts().stream().map(related -> related.productCard().name()).toList());
    }

    public static void productDetailPageDecodesBothSelectionsOfTheSameField(Engine engine) {
        ProductDetailPageQuery.Data.Product product = productDetail(engine, "espresso-machine");

        // rating { ...RatingBreakdown } in the operation, rating { average count } in ProductCard
        RatingBreakdown breakdown = product.rating().ratingBreakdown();
        assertEquals(4.5, breakdown.average());
        assertEquals(2, breakdown.count());
        assertEquals(List.of(new RatingBreakdown.Distribution(5, 1), new RatingBreakdown.Distribution(4, 1)),
                breakdown.distribution());
        assertEquals(new ProductCard.Rating(4.5, 2), product.productDetailFields().productCard().rating());
    }

    public static void productDetailPageDecodesTheReviewsWhenNotSkipped(Engine engine) {
        ProductDetailPageQuery.Variables variables = ProductDetailPageQuery.Variables.builder().slug("espresso-machine").build();

        assertEquals(Map.of("slug", "espresso-machine"), variables.toMap());
        ProductDetailPageQuery.Data data = ProductDetailPageQuery.Data.fromMap(
                engine.execute(ProductDetailPageQuery.DOCUMENT, variables.toMap()));
        ReviewConnectionFields reviews = data.product().reviews().reviewConnectionFields();
        assertEquals(2, reviews.totalCount());
        assertEquals(4.5, reviews.averageRating());
        ReviewItem superb = reviews.edges().get(0).node().reviewItem();
        assertEquals("r1", superb.id());
        assertEquals(5, superb.rating());
        assertEquals("Superb", superb.title());
        assertEquals("Makes great espresso.", superb.body());
        assertEquals(OffsetDateTime.parse("2024-02-01T10:20:30Z"), superb.createdAt());
        assertEquals(12, superb.helpfulCount());
        assertTrue(superb.verifiedPurchase());
        assertEquals(new UserGreeting("u2", "Bea", null), superb.author().userGreeting());
        assertEquals(List.of(new ReviewItem.Photos("https://img.example/r1.png", "My setup", 640, 480)), superb.photos());
        assertNull(reviews.edges().get(1).node().reviewItem().title());
    }

    public static void productDetailPageSkipReviewsTrueLeavesTheReviewsOut(Engine engine) {
        ProductDetailPageQuery.Variables variables =
                ProductDetailPageQuery.Variables.builder().slug("espresso-machine").skipReviews(true).build();

        assertEquals(Map.of("slug", "espresso-machine", "skipReviews", true), variables.toMap());
        Map<String, Object> response = engine.execute(ProductDetailPageQuery.DOCUMENT, variables.toMap());
        assertFalse(((Map<?, ?>) response.get("product")).containsKey("reviews"));
        ProductDetailPageQuery.Data data = ProductDetailPageQuery.Data.fromMap(response);
        assertNull(data.product().reviews());
        assertEquals("EM-1", data.product().productDetailFields().sku());
    }

    public static void productDetailPageSkipReviewsSetToNullIsSentAndRejectedByTheEngine(Engine engine) {
        ProductDetailPageQuery.Variables variables =
                ProductDetailPageQuery.Variables.builder().slug("espresso-machine").skipReviews(null).build();

        Map<String, Object> expected = new HashMap<>(Map.of("slug", "espresso-machine"));
        expected.put("skipReviews", null);
        assertEquals(expected, variables.toMap());
        // $skipReviews: Boolean = false feeds @skip(if: Boolean!): an explicit null is not replaced by the
        // default, so the engine refuses the request (graphql-java 26 does so with a NullPointerException).
        engine.errors(ProductDetailPageQuery.DOCUMENT, variables.toMap()); // fails unless the engine refuses
    }

    private static ProductDetailPageQuery.Data.Product productDetail(Engine engine, String slug) {
        return ProductDetailPageQuery.Data.fromMap(engine.execute(ProductDetailPageQuery.DOCUMENT,
                ProductDetailPageQuery.Variables.builder().slug(slug).build().toMap())).product();
    }

    // ---- SearchResults: a union ----

    public static void searchResultsDecodeEachConcreteTypeIntoItsBranchRecord(Engine engine) {
        List<SearchResultsQuery.Data.Search> hits = search(engine);

        assertEquals(List.of(SearchResultsQuery.Data.Search.Product.class, SearchResultsQuery.Data.Search.Brand.class,
                SearchResultsQuery.Data.Search.Category.class), hits.stream().map(Object::getClass).toList());
        assertEquals(List.of("Product", "Brand", "Category"),
                hits.stream().map(SearchResultsQuery.Data.Search::__typename).toList());
        SearchResultsQuery.Data.Search.Product product = (SearchResultsQuery.Data.Search.Product) hits.get(0);
        assertEquals("prod2", product.id());
        assertEquals("Coffee Grinder", product.productCard().name());
        assertSame(StockStatus.LOW_STOCK, product.productCard().stockStatus());
        SearchResultsQuery.Data.Search.Brand brand = (SearchResultsQuery.Data.Search.Brand) hits.get(1);
        assertEquals("b3", brand.id());
        assertEquals(new BrandBadge("b3", "coffee-co", "Coffee Co.", null), brand.brandBadge());
        SearchResultsQuery.Data.Search.Category category = (SearchResultsQuery.Data.Search.Category) hits.get(2);
        assertEquals("cat2", category.id());
        assertEquals(new CategoryLink("cat2", "coffee", "Coffee"), category.categoryTile().categoryLink());
        assertEquals(2, category.categoryTile().productCount());
    }

    private static List<SearchResultsQuery.Data.Search> search(Engine engine) {
        return SearchResultsQuery.Data.fromMap(engine.execute(SearchResultsQuery.DOCUMENT,
                SearchResultsQuery.Variables.builder().query("coffee").build().toMap())).search();
    }

    // ---- a newer server: types and values the generated code does not know ----

    public static void aUnionMemberAddedAfterCodegenDecodesToOther(Engine engine) {
        List<SearchResultsQuery.Data.Search> hits = search(engine.newerServer());

        assertEquals(4, hits.size());
        assertEquals(new SearchResultsQuery.Data.Search.Other("Collection"), hits.get(3));
        assertEquals(SearchResultsQuery.Data.Search.Product.class, hits.get(0).getClass());
    }

    public static void anInterfaceImplementationAddedAfterCodegenDecodesToOtherWithTheInterfaceFields(Engine engine) {
        List<ProductDetailFields.Media> media = productDetail(engine.newerServer(), "espresso-machine").productDetailFields().media();

        assertEquals(3, media.size());
        assertEquals(new ProductDetailFields.Media.Other("Model3D", "https://3d.example/em.glb", "Rotatable model"), media.get(2));
        assertEquals("https://3d.example/em.glb", media.get(2).url());
    }

    public static void anEnumValueAddedAfterCodegenDecodesToUnknown(Engine engine) {
        ProductListQuery.Data data = ProductListQuery.Data.fromMap(engine.newerServer().execute(ProductListQuery.DOCUMENT,
                ProductListQuery.Variables.builder().build().toMap()));

        StockStatus discontinued = data.products().edges().get(1).node().productCard().stockStatus();
        assertSame(StockStatus.UNKNOWN__, discontinued);
        assertNull(discontinued.rawValue());
        assertSame(StockStatus.IN_STOCK, data.products().edges().get(0).node().productCard().stockStatus());
    }

    // ---- CategoryPage, BrandPage, AccountPage ----

    public static void categoryPageDecodesTheHeaderBreadcrumbsChildrenAndProducts(Engine engine) {
        CategoryPageQuery.Data.Category coffee = category(engine, CategoryPageQuery.Variables.builder().slug("coffee").build());
        CategoryPageQuery.Data.Category espresso = category(engine, CategoryPageQuery.Variables.builder().slug("espresso").build());

        assertEquals(new CategoryLink("cat2", "coffee", "Coffee"), coffee.categoryHeader().categoryLink());
        assertEquals("Beans to cup.", coffee.categoryHeader().description());
        assertEquals(List.of(new CategoryLink("cat1", "kitchen", "Kitchen")),
                coffee.categoryHeader().breadcrumbs().stream().map(CategoryHeader.Breadcrumbs::categoryLink).toList());
        assertEquals(1, coffee.children().size());
        CategoryTile child = coffee.children().get(0).categoryTile();
        assertEquals(new CategoryTile(1, null, new CategoryLink("cat4", "espresso", "Espresso")), child);
        assertEquals(2, coffee.products().totalCount());
        assertEquals(List.of("Espresso Machine", "Coffee Grinder"),
                coffee.products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
        assertEquals(List.of("Kitchen", "Coffee"), espresso.categoryHeader().breadcrumbs().stream()
                .map(crumb -> crumb.categoryLink().name()).toList());
        assertEquals(List.of(), espresso.children());
    }

    public static void categoryPageSortAbsentNullAndGivenReachTheNestedField(Engine engine) {
        CategoryPageQuery.Variables absent = CategoryPageQuery.Variables.builder().slug("coffee").build();
        CategoryPageQuery.Variables explicitNull = CategoryPageQuery.Variables.builder().slug("coffee").sort(null).build();
        CategoryPageQuery.Variables given = CategoryPageQuery.Variables.builder().slug("coffee").sort(ProductSort.PRICE_ASC).build();

        assertEquals(Map.of("slug", "coffee"), absent.toMap());
        category(engine, absent);
        assertEquals("RELEVANCE", engine.arguments("Category.products").get("sort"));
        assertTrue(explicitNull.toMap().containsKey("sort"));
        assertNull(explicitNull.toMap().get("sort"));
        category(engine, explicitNull);
        assertTrue(engine.arguments("Category.products").containsKey("sort"));
        assertNull(engine.arguments("Category.products").get("sort"));
        assertEquals(Map.of("slug", "coffee", "sort", "PRICE_ASC"), given.toMap());
        CategoryPageQuery.Data.Category sorted = category(engine, given);
        assertEquals("PRICE_ASC", engine.arguments("Category.products").get("sort"));
        assertEquals(List.of("Coffee Grinder", "Espresso Machine"),
                sorted.products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
    }

    private static CategoryPageQuery.Data.Category category(Engine engine, CategoryPageQuery.Variables variables) {
        return CategoryPageQuery.Data.fromMap(engine.execute(CategoryPageQuery.DOCUMENT, variables.toMap())).category();
    }

    public static void brandPageDecodesTheBrandDetailAndItsNewestProducts(Engine engine) {
        BrandPageQuery.Data data = BrandPageQuery.Data.fromMap(engine.execute(BrandPageQuery.DOCUMENT,
                BrandPageQuery.Variables.builder().slug("acme").build().toMap()));

        BrandDetail acme = data.brand().brandDetail();
        assertEquals("Tools for coffee people.", acme.description());
        assertEquals(2, acme.productCount());
        assertEquals(new BrandBadge("b1", "acme", "Acme", new BrandBadge.Logo("https://img.example/acme.png", "Acme logo")),
                acme.brandBadge());
        assertEquals(List.of("Matcha Set", "Espresso Machine"),
                data.brand().products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
        assertEquals(new BrandPageQuery.Data.Brand.Products.PageInfo(false, "prod1"), data.brand().products().pageInfo());
    }

    public static void brandPageOfAnUnknownSlugDecodesToANullBrand(Engine engine) {
        BrandPageQuery.Data data = BrandPageQuery.Data.fromMap(engine.execute(BrandPageQuery.DOCUMENT,
                BrandPageQuery.Variables.builder().slug("initech").build().toMap()));

        assertNull(data.brand());
    }

    public static void accountPageDecodesTheViewerProfileAndOrderSummaries(Engine engine) {
        AccountPageQuery.Data.Viewer viewer = AccountPageQuery.Data.fromMap(engine.execute(AccountPageQuery.DOCUMENT,
                AccountPageQuery.Variables.builder().build().toMap())).viewer();

        UserProfile profile = viewer.userProfile();
        assertEquals("ada@example.com", profile.email());
        assertSame(UserRole.CUSTOMER, profile.role());
        assertEquals(OffsetDateTime.parse("2021-06-01T12:00:45Z"), profile.memberSince());
        assertEquals(new AddressFields("addr1", "Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"),
                profile.defaultAddress().addressFields());
        assertEquals("Ada", profile.userGreeting().displayName());
        assertEquals(3, viewer.orders().totalCount());
        List<OrderSummary> orders = viewer.orders().edges().stream().map(edge -> edge.node().orderSummary()).toList();
        assertEquals(List.of(OrderStatus.DELIVERED, OrderStatus.SHIPPED, OrderStatus.PENDING),
                orders.stream().map(OrderSummary::status).toList());
        OrderSummary first = orders.get(0);
        assertEquals("ord1", first.id());
        assertEquals("SO-10001", first.number());
        assertEquals(OffsetDateTime.parse("2024-02-01T09:00:15Z"), first.placedAt());
        assertEquals(new MoneyAmount(54498, CurrencyCode.USD, "$544.98"), first.total().moneyAmount());
    }

    public static void accountPageVariablesReachTheNestedOrdersField(Engine engine) {
        AccountPageQuery.Variables absent = AccountPageQuery.Variables.builder().build();
        AccountPageQuery.Variables given = AccountPageQuery.Variables.builder().ordersFirst(1).status(OrderStatus.SHIPPED).build();

        engine.execute(AccountPageQuery.DOCUMENT, absent.toMap());
        assertEquals(Map.of("first", 5), engine.arguments("User.orders"), "$ordersFirst: Int = 5; status not sent");
        assertEquals(Map.of("ordersFirst", 1, "status", "SHIPPED"), given.toMap());
        AccountPageQuery.Data data = AccountPageQuery.Data.fromMap(engine.execute(AccountPageQuery.DOCUMENT, given.toMap()));
        assertEquals(Map.of("first", 1, "status", "SHIPPED"), engine.arguments("User.orders"));
        assertEquals(1, data.viewer().orders().totalCount());
        assertEquals("SO-10002", data.viewer().orders().edges().get(0).node().orderSummary().number());
    }

    // ---- the cart ----

    public static void cartPageDecodesTheCartViewTotalsAndLines(Engine engine) {
        CartView cart = CartPageQuery.Data.fromMap(engine.execute(CartPageQuery.DOCUMENT,
                CartPageQuery.Variables.builder().build().toMap())).cart().cartView();

        assertEquals("cart1", cart.id());
        assertEquals(OffsetDateTime.parse("2024-04-01T10:00:30Z"), cart.updatedAt());
        assertEquals(3, cart.cartTotals().itemCount());
        assertEquals(new MoneyAmount(75799, CurrencyCode.USD, "$757.99"), cart.cartTotals().subtotal().moneyAmount());
        assertEquals(new MoneyAmount(6063, CurrencyCode.USD, "$60.63"), cart.cartTotals().estimatedTax().moneyAmount());
        assertEquals(new MoneyAmount(81862, CurrencyCode.USD, "$818.62"), cart.cartTotals().total().moneyAmount());
        CartLineItem machine = cart.lines().get(0).cartLineItem();
        assertEquals("cl1", machine.id());
        assertEquals(1, machine.quantity());
        assertEquals(49999, machine.unitPrice().moneyAmount().amountCents());
        assertEquals("Espresso Machine", machine.product().productCard().name());
        assertEquals("Black", machine.variant().productVariantOption().name());
        CartLineItem grinders = cart.lines().get(1).cartLineItem();
        assertEquals(2, grinders.quantity());
        assertEquals(new MoneyAmount(25800, CurrencyCode.USD, "$258.00"), grinders.lineTotal().moneyAmount());
        assertNull(grinders.variant());
    }

    public static void addToCartQuantityLeftAbsentGetsTheInputDefaultOfOne(Engine engine) {
        AddToCartMutation.Variables variables = AddToCartMutation.Variables.builder()
                .input(AddToCartInput.builder().productId("prod3").build()).build();

        assertEquals(Map.of("input", Map.of("productId", "prod3")), variables.toMap());
        AddToCartMutation.Data data = AddToCartMutation.Data.fromMap(engine.execute(AddToCartMutation.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("productId", "prod3", "quantity", 1), engine.arguments("Mutation.addToCart").get("input"));
        assertEquals(List.of(), data.addToCart().userErrors());
        CartLineItem added = data.addToCart().cart().cartView().lines().get(2).cartLineItem();
        assertEquals("cl3", added.id());
        assertEquals(1, added.quantity());
        assertEquals("Matcha Set", added.product().productCard().name());
    }

    public static void addToCartQuantitySetToNullIsSentAsNullAndRejectedByTheServer(Engine engine) {
        AddToCartMutation.Variables variables = AddToCartMutation.Variables.builder()
                .input(AddToCartInput.builder().productId("prod3").quantity(null).build()).build();

        Map<String, Object> input = new HashMap<>(Map.of("productId", "prod3"));
        input.put("quantity", null);
        assertEquals(Map.of("input", input), variables.toMap());
        AddToCartMutation.Data data = AddToCartMutation.Data.fromMap(engine.execute(AddToCartMutation.DOCUMENT, variables.toMap()));
        assertEquals(List.of(new AddToCartMutation.Data.AddToCart.UserErrors(List.of("input", "quantity"),
                "Quantity must not be null", "INVALID_QUANTITY")), data.addToCart().userErrors());
        assertEquals(2, data.addToCart().cart().cartView().lines().size());
    }

    public static void addToCartWithAVariantAndAQuantityAddsThatLine(Engine engine) {
        AddToCartMutation.Variables variables = AddToCartMutation.Variables.builder()
                .input(AddToCartInput.builder().productId("prod1").variantId("v2").quantity(3).build()).build();

        assertEquals(Map.of("input", Map.of("productId", "prod1", "variantId", "v2", "quantity", 3)), variables.toMap());
        AddToCartMutation.Data data = AddToCartMutation.Data.fromMap(engine.execute(AddToCartMutation.DOCUMENT, variables.toMap()));
        CartLineItem added = data.addToCart().cart().cartView().lines().get(2).cartLineItem();
        assertEquals("Steel", added.variant().productVariantOption().name());
        assertEquals(new MoneyAmount(158997, CurrencyCode.USD, "$1589.97"), added.lineTotal().moneyAmount());
        assertEquals(6, data.addToCart().cart().cartView().cartTotals().itemCount());
    }

    public static void updateCartLineChangesTheQuantityAndTheTotals(Engine engine) {
        UpdateCartLineMutation.Variables variables = UpdateCartLineMutation.Variables.builder().lineId("cl2").quantity(5).build();

        assertEquals(Map.of("lineId", "cl2", "quantity", 5), variables.toMap());
        CartView cart = UpdateCartLineMutation.Data.fromMap(engine.execute(UpdateCartLineMutation.DOCUMENT, variables.toMap()))
                .updateCartLine().cart().cartView();
        assertEquals(Map.of("lineId", "cl2", "quantity", 5), engine.arguments("Mutation.updateCartLine").get("input"));
        assertEquals(5, cart.lines().get(1).cartLineItem().quantity());
        assertEquals(new MoneyAmount(64500, CurrencyCode.USD, "$645.00"), cart.lines().get(1).cartLineItem().lineTotal().moneyAmount());
        assertEquals(6, cart.cartTotals().itemCount());
    }

    public static void removeCartLineRemovesTheLine(Engine engine) {
        RemoveCartLineMutation.Data data = RemoveCartLineMutation.Data.fromMap(engine.execute(RemoveCartLineMutation.DOCUMENT,
                RemoveCartLineMutation.Variables.builder().lineId("cl2").build().toMap()));

        assertEquals(List.of(), data.removeCartLine().userErrors());
        assertEquals(List.of("cl1"), data.removeCartLine().cart().cartView().lines().stream()
                .map(line -> line.cartLineItem().id()).toList());
    }

    public static void removeCartLineOfAnUnknownLineDecodesTheUserErrors(Engine engine) {
        RemoveCartLineMutation.Data data = RemoveCartLineMutation.Data.fromMap(engine.execute(RemoveCartLineMutation.DOCUMENT,
                RemoveCartLineMutation.Variables.builder().lineId("cl9").build().toMap()));

        assertEquals(List.of(new RemoveCartLineMutation.Data.RemoveCartLine.UserErrors(List.of("lineId"), "No cart line cl9",
                "NOT_FOUND")), data.removeCartLine().userErrors());
        assertEquals(2, data.removeCartLine().cart().cartView().lines().size());
    }

    // ---- checkout and reviews ----

    public static void checkoutTurnsTheCartIntoAPaidOrder(Engine engine) {
        CheckoutMutation.Variables variables = CheckoutMutation.Variables.builder().input(CheckoutInput.builder()
                .cartId("cart1").shippingAddress(ADA).paymentToken("tok_visa").build()).build();

        assertEquals(Map.of("input", Map.of("cartId", "cart1", "paymentToken", "tok_visa", "shippingAddress", Map.of(
                "fullName", "Ada Lovelace", "line1", "12 St James's Square", "city", "London", "postalCode", "SW1Y 4JH",
                "countryCode", "GB"))), variables.toMap());
        CheckoutMutation.Data data = CheckoutMutation.Data.fromMap(engine.execute(CheckoutMutation.DOCUMENT, variables.toMap()));
        assertEquals(List.of(), data.checkout().userErrors());
        OrderDetail order = data.checkout().order().orderDetail();
        assertEquals("SO-10004", order.orderSummary().number());
        assertSame(OrderStatus.PAID, order.orderSummary().status());
        assertEquals(OffsetDateTime.parse("2024-04-02T09:30:45Z"), order.orderSummary().placedAt());
        assertNull(order.trackingNumber());
        assertEquals(new AddressFields("addr2", "Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"),
                order.shippingAddress().addressFields());
        assertEquals(75799, order.subtotal().moneyAmount().amountCents());
        assertEquals(500, order.shippingCost().moneyAmount().amountCents());
        assertEquals(6063, order.tax().moneyAmount().amountCents());
        assertEquals(new MoneyAmount(82362, CurrencyCode.USD, "$823.62"), order.orderSummary().total().moneyAmount());
        OrderLineItem first = order.lines().get(0).orderLineItem();
        assertEquals("ol-cl1", first.id());
        assertEquals(new OrderLineItem.Variant("v1", "Black"), first.variant());
        assertNull(order.lines().get(1).orderLineItem().variant());
    }

    public static void checkoutOptionalInputFieldsAreSentWhenGivenOrNull(Engine engine) {
        CheckoutMutation.Variables variables = CheckoutMutation.Variables.builder().input(CheckoutInput.builder()
                .cartId("cart1").shippingAddress(ADA).billingAddress(ADA).couponCode(null).paymentToken("tok_visa")
                .build()).build();

        Map<?, ?> input = (Map<?, ?>) variables.toMap().get("input");
        assertEquals(ADA.toMap(), input.get("billingAddress"));
        assertTrue(input.containsKey("couponCode"));
        assertNull(input.get("couponCode"));
        engine.execute(CheckoutMutation.DOCUMENT, variables.toMap());
        Map<?, ?> received = (Map<?, ?>) engine.arguments("Mutation.checkout").get("input");
        assertEquals(ADA.toMap(), received.get("billingAddress"));
        assertTrue(received.containsKey("couponCode"));
        assertNull(received.get("couponCode"));
    }

    public static void checkoutWithADeclinedPaymentDecodesUserErrorsAndNoOrder(Engine engine) {
        CheckoutMutation.Data data = CheckoutMutation.Data.fromMap(engine.execute(CheckoutMutation.DOCUMENT,
                CheckoutMutation.Variables.builder().input(CheckoutInput.builder()
                        .cartId("cart1").shippingAddress(ADA).paymentToken("tok_declined").build()).build().toMap()));

        assertNull(data.checkout().order());
        assertEquals(List.of(new CheckoutMutation.Data.Checkout.UserErrors(List.of("input", "paymentToken"), "Payment declined",
                "PAYMENT_DECLINED")), data.checkout().userErrors());
    }

    public static void submitReviewReturnsTheNewReviewAndItsProductRating(Engine engine) {
        SubmitReviewMutation.Variables variables = SubmitReviewMutation.Variables.builder().input(SubmitReviewInput.builder()
                .productId("prod1").rating(5).body("Best purchase this year.").build()).build();

        assertEquals(Map.of("input", Map.of("productId", "prod1", "rating", 5, "body", "Best purchase this year.")),
                variables.toMap());
        SubmitReviewMutation.Data.SubmitReview.Review review = SubmitReviewMutation.Data.fromMap(
                engine.execute(SubmitReviewMutation.DOCUMENT, variables.toMap())).submitReview().review();
        ReviewItem item = review.reviewItem();
        assertEquals("r4", item.id());
        assertEquals(5, item.rating());
        assertNull(item.title());
        assertEquals("Best purchase this year.", item.body());
        assertEquals(OffsetDateTime.parse("2024-04-03T14:15:16Z"), item.createdAt());
        assertEquals(0, item.helpfulCount());
        assertFalse(item.verifiedPurchase());
        assertEquals("Ada", item.author().userGreeting().displayName());
        assertEquals(List.of(), item.photos());
        assertEquals("prod1", review.product().id());
        assertEquals(4.5, review.product().rating().ratingBreakdown().average());
    }

    public static void submitReviewWithAnOutOfRangeRatingDecodesUserErrors(Engine engine) {
        SubmitReviewMutation.Data data = SubmitReviewMutation.Data.fromMap(engine.execute(SubmitReviewMutation.DOCUMENT,
                SubmitReviewMutation.Variables.builder().input(new SubmitReviewInput("prod1", 9, Input.absent(), "!")).build().toMap()));

        assertNull(data.submitReview().review());
        assertEquals(List.of(new SubmitReviewMutation.Data.SubmitReview.UserErrors(List.of("input", "rating"),
                "Rating must be from 1 to 5", "OUT_OF_RANGE")), data.submitReview().userErrors());
    }

    public static void reviewListDecodesTheProductRatingAndTheMostHelpfulReviewsFirst(Engine engine) {
        ReviewListQuery.Variables variables = ReviewListQuery.Variables.builder().productId("prod1").build();

        assertEquals(Map.of("productId", "prod1"), variables.toMap());
        ReviewListQuery.Data data = ReviewListQuery.Data.fromMap(engine.execute(ReviewListQuery.DOCUMENT, variables.toMap()));
        assertEquals(Map.of("productId", "prod1", "first", 10, "sort", "MOST_HELPFUL"), engine.arguments("Query.reviews"));
        assertEquals("prod1", data.product().id());
        assertEquals("Espresso Machine", data.product().name());
        assertEquals(2, data.product().rating().ratingBreakdown().count());
        ReviewConnectionFields reviews = data.reviews().reviewConnectionFields();
        assertEquals(List.of("r1", "r2"), reviews.edges().stream().map(edge -> edge.node().reviewItem().id()).toList());
        assertEquals(new ReviewConnectionFields.PageInfo(false, "r2"), reviews.pageInfo());
    }

    public static void reviewListPaginatesInTheGivenOrder(Engine engine) {
        ReviewListQuery.Variables firstPage = ReviewListQuery.Variables.builder().productId("prod1").sort(ReviewSort.NEWEST).first(1).build();

        assertEquals(Map.of("productId", "prod1", "sort", "NEWEST", "first", 1), firstPage.toMap());
        ReviewConnectionFields page = ReviewListQuery.Data.fromMap(engine.execute(ReviewListQuery.DOCUMENT, firstPage.toMap()))
                .reviews().reviewConnectionFields();
        assertEquals(List.of("r2"), page.edges().stream().map(edge -> edge.node().reviewItem().id()).toList());
        assertEquals(new ReviewConnectionFields.PageInfo(true, "r2"), page.pageInfo());
        ReviewListQuery.Variables secondPage = ReviewListQuery.Variables.builder().productId("prod1").sort(ReviewSort.NEWEST)
                .first(1).after(page.pageInfo().endCursor()).build();
        ReviewConnectionFields next = ReviewListQuery.Data.fromMap(engine.execute(ReviewListQuery.DOCUMENT, secondPage.toMap()))
                .reviews().reviewConnectionFields();
        assertEquals(List.of("r1"), next.edges().stream().map(edge -> edge.node().reviewItem().id()).toList());
        assertFalse(next.pageInfo().hasNextPage());
    }

    // ---- subscriptions, executed for real: every published event is decoded ----

    public static void cartUpdatedDecodesEveryPublishedCart(Engine engine) {
        List<CartView> carts = engine.subscribe(CartUpdatedSubscription.DOCUMENT,
                        CartUpdatedSubscription.Variables.builder().cartId("cart1").build().toMap()).stream()
                .map(event -> CartUpdatedSubscription.Data.fromMap(event).cartUpdated().cartView())
                .toList();

        assertEquals(2, carts.size());
        assertEquals(OffsetDateTime.parse("2024-04-01T10:05:01Z"), carts.get(0).updatedAt());
        assertEquals(4, carts.get(0).cartTotals().itemCount());
        assertEquals(2, carts.get(0).lines().get(0).cartLineItem().quantity());
        assertEquals(OffsetDateTime.parse("2024-04-01T10:06:02Z"), carts.get(1).updatedAt());
        assertEquals(List.of("cl1"), carts.get(1).lines().stream().map(line -> line.cartLineItem().id()).toList());
    }

    public static void orderStatusChangedDecodesEveryPublishedOrder(Engine engine) {
        List<OrderStatusChangedSubscription.Data.OrderStatusChanged> events = engine.subscribe(
                        OrderStatusChangedSubscription.DOCUMENT,
                        OrderStatusChangedSubscription.Variables.builder().orderId("ord3").build().toMap()).stream()
                .map(event -> OrderStatusChangedSubscription.Data.fromMap(event).orderStatusChanged())
                .toList();

        assertEquals(List.of(OrderStatus.PAID, OrderStatus.SHIPPED),
                events.stream().map(event -> event.orderSummary().status()).toList());
        assertEquals(Arrays.asList(null, "1Z777"), events.stream().map(event -> event.trackingNumber()).toList());
        assertEquals("SO-10003", events.get(0).orderSummary().number());
        assertEquals(new MoneyAmount(4280, CurrencyCode.EUR, "€42.80"), events.get(1).orderSummary().total().moneyAmount());
    }

    // ---- decode failures name the response path (a real response, broken by hand) ----

    public static void aMissingTypenameFailsNamingThePolymorphicObject(Engine engine) {
        Map<String, Object> response = copy(engine.execute(SearchResultsQuery.DOCUMENT,
                SearchResultsQuery.Variables.builder().query("coffee").build().toMap()));
        at(response, "search", 1).remove("__typename");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SearchResultsQuery.Data.fromMap(response));
        assertEquals("Missing field at data.search[1].__typename", error.getMessage());
    }

    public static void aWrongTypedEnumValueFailsNamingItsResponsePath(Engine engine) {
        Map<String, Object> response = copy(engine.execute(SearchResultsQuery.DOCUMENT,
                SearchResultsQuery.Variables.builder().query("coffee").build().toMap()));
        at(response, "search", 0).put("stockStatus", 3);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SearchResultsQuery.Data.fromMap(response));
        assertEquals("Expected a String at data.search[0].stockStatus, got Integer 3", error.getMessage());
    }

    public static void aMalformedCustomScalarFailsNamingItsResponsePath(Engine engine) {
        Map<String, Object> response = copy(engine.execute(ProductDetailPageQuery.DOCUMENT,
                ProductDetailPageQuery.Variables.builder().slug("espresso-machine").build().toMap()));
        at(response, "product").put("createdAt", "yesterday");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProductDetailPageQuery.Data.fromMap(response));
        assertEquals("Expected an offset date-time at data.product.createdAt, got 'yesterday'", error.getMessage());
    }

    public static void aMissingFieldOfAListItemInsideAFragmentFailsNamingThatItem(Engine engine) {
        Map<String, Object> response = copy(engine.execute(ProductDetailPageQuery.DOCUMENT,
                ProductDetailPageQuery.Variables.builder().slug("espresso-machine").build().toMap()));
        at(response, "product", "media", 1).remove("url");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProductDetailPageQuery.Data.fromMap(response));
        assertEquals("Missing field at data.product.media[1].url", error.getMessage());
    }

    /** A deep, mutable copy of a response. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, copy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copy(item)));
            return (T) copy;
        }
        return value;
    }

    /** The object at a path of keys and list indexes, e.g. {@code at(response, "search", 1)}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> response, Object... path) {
        Object current = response;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(step);
        }
        return (Map<String, Object>) current;
    }
}
