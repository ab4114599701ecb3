package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.CategoryLink;
import com.example.large.graphql.CurrencyCode;
import com.example.large.graphql.MoneyAmount;
import com.example.large.graphql.ProductDetailFields;
import com.example.large.graphql.ProductDetailFields.Media;
import com.example.large.graphql.ProductDetailPageQuery;
import com.example.large.graphql.ProductVariantOption;
import com.example.large.graphql.RatingBreakdown;
import com.example.large.graphql.ReviewConnectionFields;
import com.example.large.graphql.ReviewItem;
import com.example.large.graphql.StockStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ProductDetailPage}: the deepest fragment tree, interface media, the DateTime scalar and {@code @skip}. */
class ProductDetailPageTest {

    private final StorefrontServer server = new StorefrontServer();

    private ProductDetailPageQuery.Data.Product productPage(ProductDetailPageQuery.Variables variables) {
        return ProductDetailPageQuery.Data.fromMap(server.execute(ProductDetailPageQuery.DOCUMENT, variables.toMap())).product();
    }

    @Test
    void productDetailPageShowsEverythingAboutTheKettle() {
        ProductDetailPageQuery.Data.Product kettle = productPage(
                ProductDetailPageQuery.Variables.builder().slug("pour-over-kettle").build());

        ProductDetailFields fields = kettle.productDetailFields();
        assertEquals("KET-001", fields.sku());
        assertEquals("A gooseneck kettle.", fields.description());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC), fields.createdAt());
        assertEquals("Pour-Over Kettle", fields.productCard().name());
        assertEquals(List.of(new CategoryLink("cat-2", "brewers", "Brewers")),
                fields.categories().stream().map(ProductDetailFields.Categories::categoryLink).toList());

        List<ProductVariantOption> variants = fields.variants().stream().map(ProductDetailFields.Variants::productVariantOption).toList();
        assertEquals(2, variants.size());
        ProductVariantOption steel = variants.get(1);
        assertEquals("var-2", steel.id());
        assertEquals("KET-001-STL", steel.sku());
        assertEquals("Brushed Steel", steel.name());
        assertEquals(StockStatus.LOW_STOCK, steel.stockStatus());
        assertEquals(new MoneyAmount(5400, CurrencyCode.USD, "$54.00"), steel.price().moneyAmount());
        assertEquals(List.of(new ProductVariantOption.Options("Color", "Steel"), new ProductVariantOption.Options("Finish", "Brushed")),
                steel.options());

        // media { __typename url altText ... on Image { width height } ... on Video { durationSeconds } }
        assertEquals(2, fields.media().size());
        Media.Image photo = assertInstanceOf(Media.Image.class, fields.media().get(0));
        assertEquals("Image", photo.__typename());
        assertEquals("https://cdn.example.com/products/kettle-1.jpg", photo.url());
        assertEquals("Kettle, side view", photo.altText());
        assertEquals(1200, photo.width());
        assertEquals(900, photo.height());
        Media.Video video = assertInstanceOf(Media.Video.class, fields.media().get(1));
        assertEquals("https://cdn.example.com/products/kettle.mp4", video.url());
        assertNull(video.altText());
        assertEquals(42, video.durationSeconds());
        List<String> described = fields.media().stream().map(media -> {
            if (media instanceof Media.Image image) {
                return "image " + image.width() + "x" + image.height();
            } else if (media instanceof Media.Video clip) {
                return "video " + clip.durationSeconds() + "s";
            }
            return "other " + media.url();
        }).toList();
        assertEquals(List.of("image 1200x900", "video 42s"), described);

        // relatedProducts(limit: 4): same brand or category
        assertEquals(List.of("prod-3", "prod-4", "prod-5"),
                fields.relatedProducts().stream().map(related -> related.productCard().id()).toList());

        // rating { ...RatingBreakdown }
        RatingBreakdown rating = kettle.rating().ratingBreakdown();
        assertEquals(3, rating.count());
        assertEquals(11.0 / 3, rating.average(), 1e-9);
        assertEquals(List.of(new RatingBreakdown.Distribution(5, 1), new RatingBreakdown.Distribution(4, 1),
                        new RatingBreakdown.Distribution(3, 0), new RatingBreakdown.Distribution(2, 1),
                        new RatingBreakdown.Distribution(1, 0)),
                rating.distribution());

        // reviews(first: 3, sort: MOST_HELPFUL) @skip(if: $skipReviews): skipReviews defaults to false
        ReviewConnectionFields reviews = kettle.reviews().reviewConnectionFields();
        assertEquals(3, reviews.totalCount());
        assertEquals(11.0 / 3, reviews.averageRating(), 1e-9);
        List<ReviewItem> items = reviews.edges().stream().map(edge -> edge.node().reviewItem()).toList();
        assertEquals(List.of("rev-1", "rev-3", "rev-2"), items.stream().map(ReviewItem::id).toList());
        ReviewItem best = items.get(0);
        assertEquals(5, best.rating());
        assertEquals("Perfect pour", best.title());
        assertEquals("Precise spout.", best.body());
        assertEquals(12, best.helpfulCount());
        assertTrue(best.verifiedPurchase());
        assertEquals("Grace", best.author().userGreeting().displayName());
        assertNull(best.author().userGreeting().avatar());
        assertEquals(List.of(new ReviewItem.Photos("https://cdn.example.com/reviews/rev-1.jpg", "Kettle on the stove", 800, 600)),
                best.photos());
        // The scalar keeps the offset the server sent.
        assertEquals(OffsetDateTime.of(2024, 5, 30, 16, 45, 0, 0, ZoneOffset.ofHours(9)), items.get(1).createdAt());
        assertNull(items.get(2).title());
        assertEquals("cursor:rev-2", reviews.pageInfo().endCursor());
    }

    @Test
    void skipReviewsLeavesTheReviewsOut() {
        ProductDetailPageQuery.Variables variables = ProductDetailPageQuery.Variables.builder()
                .slug("pour-over-kettle").skipReviews(true).build();
        assertEquals(Map.of("slug", "pour-over-kettle", "skipReviews", true), variables.toMap());

        ProductDetailPageQuery.Data.Product kettle = productPage(variables);

        assertNull(kettle.reviews());
        assertNotNull(kettle.rating());
        assertEquals("KET-001", kettle.productDetailFields().sku());

        ProductDetailPageQuery.Data.Product withReviews = productPage(
                ProductDetailPageQuery.Variables.builder().slug("pour-over-kettle").skipReviews(false).build());
        assertEquals(3, withReviews.reviews().reviewConnectionFields().edges().size());
    }

    @Test
    void aSparseProductDecodesItsNullsAndOffset() {
        ProductDetailPageQuery.Data.Product grinder = productPage(
                ProductDetailPageQuery.Variables.builder().slug("burr-grinder").build());

        ProductDetailFields fields = grinder.productDetailFields();
        assertNull(fields.description());
        assertNull(fields.productCard().thumbnail());
        assertNull(fields.productCard().compareAtPrice());
        assertEquals(List.of(), fields.media());
        assertEquals(List.of(), fields.variants());
        assertEquals(OffsetDateTime.parse("2024-04-15T12:30:00+02:00"), fields.createdAt());
        assertEquals(ZoneOffset.ofHours(2), fields.createdAt().getOffset());
        assertEquals(1, grinder.reviews().reviewConnectionFields().totalCount());

        ProductDetailPageQuery.Data.Product dripper = productPage(
                ProductDetailPageQuery.Variables.builder().slug("coffee-dripper").build());
        assertNull(dripper.rating(), "no reviews, no rating");
        assertNull(dripper.reviews().reviewConnectionFields().averageRating());
        assertEquals(0, dripper.reviews().reviewConnectionFields().totalCount());
        Media.Image photo = assertInstanceOf(Media.Image.class, dripper.productDetailFields().media().get(0));
        assertNull(photo.altText());
    }

    @Test
    void anUnknownSlugHasNoProduct() {
        assertNull(productPage(ProductDetailPageQuery.Variables.builder().slug("no-such-thing").build()));
    }
}
