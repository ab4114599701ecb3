package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.BrandBadge;
import com.example.large.graphql.BrandDetail;
import com.example.large.graphql.BrandPageQuery;
import com.example.large.graphql.CategoryHeader;
import com.example.large.graphql.CategoryLink;
import com.example.large.graphql.CategoryPageQuery;
import com.example.large.graphql.CategoryTile;
import com.example.large.graphql.CurrencyCode;
import com.example.large.graphql.HomePageQuery;
import com.example.large.graphql.Input;
import com.example.large.graphql.MoneyAmount;
import com.example.large.graphql.PriceRangeInput;
import com.example.large.graphql.ProductCard;
import com.example.large.graphql.ProductFilterInput;
import com.example.large.graphql.ProductListQuery;
import com.example.large.graphql.ProductSort;
import com.example.large.graphql.SearchResultsQuery;
import com.example.large.graphql.SearchResultsQuery.Data.Search;
import com.example.large.graphql.StockStatus;
import com.example.large.graphql.UserGreeting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browsing pages: home, brand, category, product list and search. */
class CatalogPagesTest {

    private final StorefrontServer server = new StorefrontServer();

    @Test
    void homePageShowsViewerRootCategoriesNewArrivalsAndBrands() {
        HomePageQuery.Variables noVariables = new HomePageQuery.Variables();
        assertEquals(Map.of(), noVariables.toMap());

        HomePageQuery.Data data = HomePageQuery.Data.fromMap(server.execute(HomePageQuery.DOCUMENT, noVariables.toMap()));

        UserGreeting viewer = data.viewer().userGreeting();
        assertEquals("user-1", viewer.id());
        assertEquals("Ada", viewer.displayName());
        assertEquals(new UserGreeting.Avatar("https://cdn.example.com/avatars/ada.png", "Ada's avatar"), viewer.avatar());

        // categories(rootOnly: true) { ...CategoryTile }
        List<CategoryTile> tiles = data.categories().stream().map(HomePageQuery.Data.Categories::categoryTile).toList();
        assertEquals(List.of(new CategoryLink("cat-1", "coffee", "Coffee"), new CategoryLink("cat-4", "tea", "Tea")),
                tiles.stream().map(CategoryTile::categoryLink).toList());
        assertEquals(4, tiles.get(0).productCount());
        assertEquals("Coffee beans", tiles.get(0).image().altText());
        assertEquals(1, tiles.get(1).productCount());
        assertNull(tiles.get(1).image());

        // newArrivals: products(first: 8, sort: NEWEST)
        List<ProductCard> newArrivals = data.newArrivals().edges().stream().map(edge -> edge.node().productCard()).toList();
        assertEquals(List.of("cold-brew-kit", "coffee-dripper", "burr-grinder", "pour-over-kettle", "sencha"),
                newArrivals.stream().map(ProductCard::slug).toList());
        assertEquals(StockStatus.PREORDER, newArrivals.get(0).stockStatus());
        assertNull(newArrivals.get(0).rating(), "no reviews yet");

        ProductCard kettle = newArrivals.get(3);
        assertEquals("prod-1", kettle.id());
        assertEquals("Pour-Over Kettle", kettle.name());
        assertEquals(StockStatus.IN_STOCK, kettle.stockStatus());
        assertEquals(new ProductCard.Thumbnail("https://cdn.example.com/products/kettle-thumb.jpg", "Kettle", 320, 320), kettle.thumbnail());
        assertEquals(new MoneyAmount(4900, CurrencyCode.USD, "$49.00"), kettle.price().moneyAmount());
        assertEquals(new MoneyAmount(5900, CurrencyCode.USD, "$59.00"), kettle.compareAtPrice().moneyAmount());
        assertEquals(3, kettle.rating().count());
        assertEquals(11.0 / 3, kettle.rating().average(), 1e-9);
        BrandBadge kettleCo = kettle.brand().brandBadge();
        assertEquals("kettle-co", kettleCo.slug());
        assertEquals("Kettle & Co", kettleCo.name());
        assertNull(kettleCo.logo());

        ProductCard sencha = newArrivals.get(4);
        assertEquals(StockStatus.OUT_OF_STOCK, sencha.stockStatus());
        assertEquals(new MoneyAmount(1800, CurrencyCode.JPY, "¥1,800"), sencha.price().moneyAmount());
        assertNull(sencha.thumbnail());
        assertNull(sencha.compareAtPrice());

        // featuredBrands: brands(first: 6) { ...BrandBadge }
        List<BrandBadge> brands = data.featuredBrands().stream().map(HomePageQuery.Data.FeaturedBrands::brandBadge).toList();
        assertEquals(2, brands.size());
        assertEquals(new BrandBadge("brand-1", "northwind-coffee", "Northwind Coffee",
                new BrandBadge.Logo("https://cdn.example.com/brands/northwind.png", "Northwind Coffee logo")), brands.get(0));
    }

    @Test
    void brandPagePagesThroughTheBrandsProducts() {
        BrandPageQuery.Variables firstPage = BrandPageQuery.Variables.builder().slug("northwind-coffee").first(2).build();
        BrandPageQuery.Data page1 = BrandPageQuery.Data.fromMap(server.execute(BrandPageQuery.DOCUMENT, firstPage.toMap()));

        BrandDetail detail = page1.brand().brandDetail();
        assertEquals("Small-batch roaster from Oslo.", detail.description());
        assertEquals(3, detail.productCount());
        assertEquals("brand-1", detail.brandBadge().id());
        assertEquals("Northwind Coffee logo", detail.brandBadge().logo().altText());

        BrandPageQuery.Data.Brand.Products products = page1.brand().products();
        assertEquals(List.of("cursor:prod-5", "cursor:prod-3"), products.edges().stream().map(BrandPageQuery.Data.Brand.Products.Edges::cursor).toList());
        assertEquals("Cold Brew Kit", products.edges().get(0).node().productCard().name());
        assertTrue(products.pageInfo().hasNextPage());
        assertEquals("cursor:prod-3", products.pageInfo().endCursor());

        BrandPageQuery.Variables secondPage = BrandPageQuery.Variables.builder()
                .slug("northwind-coffee").first(2).after(products.pageInfo().endCursor()).build();
        BrandPageQuery.Data page2 = server.execute(BrandPageQuery.INSTANCE, secondPage);
        assertEquals(List.of("Burr Grinder"),
                page2.brand().products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
        assertFalse(page2.brand().products().pageInfo().hasNextPage());

        // first absent: the document's default (24) applies
        BrandPageQuery.Variables everything = BrandPageQuery.Variables.builder().slug("kettle-co").build();
        assertEquals(Map.of("slug", "kettle-co"), everything.toMap());
        BrandPageQuery.Data kettleCo = server.execute(BrandPageQuery.INSTANCE, everything);
        assertNull(kettleCo.brand().brandDetail().description());
        assertEquals(2, kettleCo.brand().products().edges().size());

        assertNull(server.execute(BrandPageQuery.INSTANCE, BrandPageQuery.Variables.builder().slug("nope").build()).brand());
    }

    @Test
    void categoryPageShowsHeaderChildrenAndSortedProducts() {
        CategoryPageQuery.Variables brewersByPrice = CategoryPageQuery.Variables.builder()
                .slug("brewers").sort(ProductSort.PRICE_ASC).build();
        assertEquals(Map.of("slug", "brewers", "sort", "PRICE_ASC"), brewersByPrice.toMap());

        CategoryPageQuery.Data.Category brewers = CategoryPageQuery.Data.fromMap(
                server.execute(CategoryPageQuery.DOCUMENT, brewersByPrice.toMap())).category();

        CategoryHeader header = brewers.categoryHeader();
        assertEquals(new CategoryLink("cat-2", "brewers", "Brewers"), header.categoryLink());
        assertEquals("Pour-over, immersion and cold brew.", header.description());
        assertEquals(List.of(new CategoryLink("cat-1", "coffee", "Coffee")),
                header.breadcrumbs().stream().map(CategoryHeader.Breadcrumbs::categoryLink).toList());
        assertEquals(List.of(), brewers.children());
        assertEquals(3, brewers.products().totalCount());
        assertEquals(List.of(2500, 3900, 4900), brewers.products().edges().stream()
                .map(edge -> edge.node().productCard().price().moneyAmount().amountCents()).toList());

        // sort absent: the document default RELEVANCE (catalog order)
        CategoryPageQuery.Data.Category coffee = server.execute(CategoryPageQuery.INSTANCE,
                CategoryPageQuery.Variables.builder().slug("coffee").build()).category();
        assertEquals(List.of(), coffee.categoryHeader().breadcrumbs());
        List<CategoryTile> children = coffee.children().stream().map(CategoryPageQuery.Data.Category.Children::categoryTile).toList();
        assertEquals(List.of("Brewers", "Grinders"), children.stream().map(tile -> tile.categoryLink().name()).toList());
        assertEquals(3, children.get(0).productCount());
        assertNull(children.get(0).image());
        assertEquals(new CategoryTile.Image("https://cdn.example.com/categories/grinders.jpg", null), children.get(1).image());
        assertEquals(List.of("prod-1", "prod-2", "prod-3", "prod-5"),
                coffee.products().edges().stream().map(edge -> edge.node().productCard().id()).toList());
    }

    @Test
    void productListAppliesDefaultsFiltersSortingAndInclude() {
        // Every variable absent: first 24, sort RELEVANCE, withTotal true.
        ProductListQuery.Data all = server.execute(ProductListQuery.INSTANCE, ProductListQuery.Variables.builder().build());
        assertEquals(Integer.valueOf(5), all.products().totalCount());
        assertEquals("cursor:prod-1", all.products().edges().get(0).cursor());
        assertFalse(all.products().pageInfo().hasNextPage());

        // @include(if: $withTotal) with withTotal = false leaves totalCount out of the response.
        ProductListQuery.Variables withoutTotal = ProductListQuery.Variables.builder().first(2).withTotal(false).build();
        Map<String, Object> raw = server.execute(ProductListQuery.DOCUMENT, withoutTotal.toMap());
        assertFalse(((Map<?, ?>) raw.get("products")).containsKey("totalCount"));
        ProductListQuery.Data.Products page = ProductListQuery.Data.fromMap(raw).products();
        assertNull(page.totalCount());
        assertEquals(2, page.edges().size());
        assertTrue(page.pageInfo().hasNextPage());

        ProductFilterInput affordableInStock = ProductFilterInput.builder()
                .stockStatuses(List.of(StockStatus.IN_STOCK, StockStatus.LOW_STOCK))
                .price(PriceRangeInput.builder().maxCents(5000).build())
                .build();
        assertEquals(Map.of("stockStatuses", List.of("IN_STOCK", "LOW_STOCK"), "price", Map.of("maxCents", 5000)),
                affordableInStock.toMap());
        ProductListQuery.Data filtered = server.execute(ProductListQuery.INSTANCE,
                ProductListQuery.Variables.builder().filter(affordableInStock).sort(ProductSort.PRICE_DESC).build());
        assertEquals(List.of("Pour-Over Kettle", "Coffee Dripper"),
                filtered.products().edges().stream().map(edge -> edge.node().productCard().name()).toList());
        assertEquals(Integer.valueOf(2), filtered.products().totalCount());

        ProductFilterInput wellRatedNorthwind = ProductFilterInput.builder()
                .brandIds(List.of("brand-1")).minRating(4).build();
        ProductListQuery.Data rated = server.execute(ProductListQuery.INSTANCE,
                ProductListQuery.Variables.builder().filter(wellRatedNorthwind).build());
        assertEquals(List.of("burr-grinder"), rated.products().edges().stream().map(edge -> edge.node().productCard().slug()).toList());
        ProductCard grinder = rated.products().edges().get(0).node().productCard();
        assertEquals(StockStatus.LOW_STOCK, grinder.stockStatus());
        assertEquals(new ProductCard.Rating(5.0, 1), grinder.rating());
        assertEquals("$129.00", grinder.price().moneyAmount().formatted());

        // An explicit null sort overrides the document default; the server then uses relevance, too.
        ProductListQuery.Variables nullSort = ProductListQuery.Variables.builder().sort(null).first(1).build();
        assertTrue(nullSort.toMap().containsKey("sort"));
        assertEquals("prod-1", server.execute(ProductListQuery.INSTANCE, nullSort).products().edges().get(0).node().productCard().id());
    }

    @Test
    void searchResultsDecodeEachUnionMemberToItsOwnRecord() {
        SearchResultsQuery.Data data = SearchResultsQuery.Data.fromMap(server.execute(SearchResultsQuery.DOCUMENT,
                SearchResultsQuery.Variables.builder().query("coffee").build().toMap()));

        List<Search> hits = data.search();
        assertEquals(List.of("Product", "Brand", "Category"), hits.stream().map(Search::__typename).toList());

        Search.Product product = assertInstanceOf(Search.Product.class, hits.get(0));
        assertEquals("prod-3", product.id());
        assertEquals("Coffee Dripper", product.productCard().name());
        assertEquals("Northwind Coffee", product.productCard().brand().brandBadge().name());

        Search.Brand brand = assertInstanceOf(Search.Brand.class, hits.get(1));
        assertEquals("brand-1", brand.id());
        assertEquals("northwind-coffee", brand.brandBadge().slug());

        Search.Category category = assertInstanceOf(Search.Category.class, hits.get(2));
        assertEquals("cat-1", category.id());
        assertEquals(4, category.categoryTile().productCount());

        // How an application would render the hits: one branch per member of the sealed interface.
        List<String> labels = hits.stream().map(hit -> {
            if (hit instanceof Search.Product p) {
                return "product " + p.productCard().name() + " " + p.productCard().price().moneyAmount().formatted();
            } else if (hit instanceof Search.Brand b) {
                return "brand " + b.brandBadge().name();
            } else if (hit instanceof Search.Category c) {
                return "category " + c.categoryTile().categoryLink().name() + " (" + c.categoryTile().productCount() + ")";
            } else {
                return "unknown " + hit.__typename();
            }
        }).toList();
        assertEquals(List.of("product Coffee Dripper $25.00", "brand Northwind Coffee", "category Coffee (4)"), labels);

        SearchResultsQuery.Data firstTwo = server.execute(SearchResultsQuery.INSTANCE,
                SearchResultsQuery.Variables.builder().query("coffee").first(2).build());
        assertEquals(2, firstTwo.search().size());
        assertEquals(List.of(), server.execute(SearchResultsQuery.INSTANCE,
                new SearchResultsQuery.Variables("espresso machine", Input.absent())).search());
    }
}
