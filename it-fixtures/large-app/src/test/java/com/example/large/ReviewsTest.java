package com.example.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.large.graphql.Input;
import com.example.large.graphql.RatingBreakdown;
import com.example.large.graphql.ReviewConnectionFields;
import com.example.large.graphql.ReviewItem;
import com.example.large.graphql.ReviewListQuery;
import com.example.large.graphql.ReviewSort;
import com.example.large.graphql.SubmitReviewInput;
import com.example.large.graphql.SubmitReviewMutation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ReviewList} and {@code SubmitReview}. */
class ReviewsTest {

    private final StorefrontServer server = new StorefrontServer();

    private static List<String> reviewIds(ReviewConnectionFields reviews) {
        return reviews.edges().stream().map(edge -> edge.node().reviewItem().id()).toList();
    }

    @Test
    void reviewListSortsAndPages() {
        ReviewListQuery.Variables firstTwo = ReviewListQuery.Variables.builder().productId("prod-1").first(2).build();
        ReviewListQuery.Data data = ReviewListQuery.Data.fromMap(server.execute(ReviewListQuery.DOCUMENT, firstTwo.toMap()));

        assertEquals("prod-1", data.product().id());
        assertEquals("Pour-Over Kettle", data.product().name());
        RatingBreakdown rating = data.product().rating().ratingBreakdown();
        assertEquals(3, rating.count());
        assertEquals(5, rating.distribution().get(0).stars());

        ReviewConnectionFields page1 = data.reviews().reviewConnectionFields();
        assertEquals(List.of("rev-1", "rev-3"), reviewIds(page1), "sort defaults to MOST_HELPFUL");
        assertEquals(3, page1.totalCount());
        assertTrue(page1.pageInfo().hasNextPage());

        ReviewListQuery.Data next = server.execute(ReviewListQuery.INSTANCE, ReviewListQuery.Variables.builder()
                .productId("prod-1").first(2).after(page1.pageInfo().endCursor()).build());
        ReviewConnectionFields page2 = next.reviews().reviewConnectionFields();
        assertEquals(List.of("rev-2"), reviewIds(page2));
        assertFalse(page2.pageInfo().hasNextPage());

        ReviewListQuery.Variables newest = ReviewListQuery.Variables.builder().productId("prod-1").sort(ReviewSort.NEWEST).build();
        assertEquals(Map.of("productId", "prod-1", "sort", "NEWEST"), newest.toMap());
        assertEquals(List.of("rev-3", "rev-2", "rev-1"), reviewIds(server.execute(ReviewListQuery.INSTANCE, newest).reviews().reviewConnectionFields()));
        assertEquals(List.of("rev-1", "rev-2", "rev-3"), reviewIds(server.execute(ReviewListQuery.INSTANCE,
                ReviewListQuery.Variables.builder().productId("prod-1").sort(ReviewSort.HIGHEST_RATED).build()).reviews().reviewConnectionFields()));
    }

    @Test
    void reviewListForAProductWithoutReviews() {
        ReviewListQuery.Data data = server.execute(ReviewListQuery.INSTANCE,
                new ReviewListQuery.Variables("prod-5", Input.absent(), Input.absent(), Input.absent()));
        assertNull(data.product().rating());
        ReviewConnectionFields reviews = data.reviews().reviewConnectionFields();
        assertEquals(0, reviews.totalCount());
        assertNull(reviews.averageRating());
        assertEquals(List.of(), reviews.edges());
        assertNull(reviews.pageInfo().endCursor());
    }

    @Test
    void submitReviewAddsAVerifiedReviewAndUpdatesTheRating() {
        SubmitReviewInput input = SubmitReviewInput.builder().productId("prod-2").rating(4).body("Still great after a month.").build();
        assertEquals(Map.of("productId", "prod-2", "rating", 4, "body", "Still great after a month."), input.toMap(),
                "the optional title is absent");

        SubmitReviewMutation.Data data = SubmitReviewMutation.Data.fromMap(server.execute(SubmitReviewMutation.DOCUMENT,
                SubmitReviewMutation.Variables.builder().input(input).build().toMap()));

        assertEquals(List.of(), data.submitReview().userErrors());
        SubmitReviewMutation.Data.SubmitReview.Review review = data.submitReview().review();
        ReviewItem item = review.reviewItem();
        assertEquals("rev-5", item.id());
        assertEquals(4, item.rating());
        assertNull(item.title());
        assertEquals("Still great after a month.", item.body());
        assertEquals(Storefront.NOW, item.createdAt());
        assertEquals(0, item.helpfulCount());
        assertTrue(item.verifiedPurchase(), "Ada bought the grinder in SO-10422");
        assertEquals("Ada", item.author().userGreeting().displayName());
        assertEquals(List.of(), item.photos());

        assertEquals("prod-2", review.product().id());
        RatingBreakdown rating = review.product().rating().ratingBreakdown();
        assertEquals(2, rating.count());
        assertEquals(4.5, rating.average());
    }

    @Test
    void submitReviewWithATitleForAProductNotBought() {
        SubmitReviewInput input = SubmitReviewInput.builder().productId("prod-5").rating(3).title("Not shipped yet").body("Pre-ordered.").build();

        SubmitReviewMutation.Data data = server.execute(SubmitReviewMutation.INSTANCE, new SubmitReviewMutation.Variables(input));

        ReviewItem item = data.submitReview().review().reviewItem();
        assertEquals("Not shipped yet", item.title());
        assertFalse(item.verifiedPurchase());
    }

    @Test
    void submitReviewRejectsAnOutOfRangeRating() {
        SubmitReviewInput input = new SubmitReviewInput("prod-1", 7, Input.nullValue(), "Best kettle ever!!!");
        assertTrue(input.toMap().containsKey("title"));

        SubmitReviewMutation.Data data = server.execute(SubmitReviewMutation.INSTANCE, new SubmitReviewMutation.Variables(input));

        assertNull(data.submitReview().review());
        assertEquals(List.of(new SubmitReviewMutation.Data.SubmitReview.UserErrors(
                        List.of("input", "rating"), "Rating must be between 1 and 5", "INVALID_RATING")),
                data.submitReview().userErrors());
        assertEquals(4, server.store.reviews.size());
    }
}
