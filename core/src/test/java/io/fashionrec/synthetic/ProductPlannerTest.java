package io.fashionrec.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names and attributes of planned products: realistic, and in agreement with what is drawn. */
class ProductPlannerTest {

    private static final Set<String> PATTERN_WORDS = Set.of("Solid", "Striped", "Checked", "Polka Dot", "Floral", "Printed");

    @Test
    void goldenRowsForSeed42() {
        List<ProductPlan> plans = CatalogGenerator.builder().optProducts(3).optSeed(42).build().plan();
        assertEquals(List.of(
                        "1,Men,Footwear,Shoes,Casual Shoes,Black,Fall,2012,Casual,Pebble Street Men Canvas Black Casual Shoes",
                        "2,Men,Apparel,Topwear,Shirts,Navy Blue,Winter,2012,Casual,Bluefield Men Regular Fit Polka Dot Navy Blue Shirts",
                        "3,Men,Apparel,Topwear,Tshirts,Olive,Summer,2012,Sports,Northwind Men Sport Olive Tshirts"),
                plans.stream().map(StylesCsv::row).toList());
    }

    @Test
    void namesSayThePatternThatIsDrawn() {
        long seed = new Random().nextLong();
        for (int i = 0; i < 3000; i++) {
            ArticleType type = ArticleType.values()[i % ArticleType.values().length];
            ProductPlan plan = ProductPlanner.plan(i + 1, type, seed, i);
            String name = plan.name();
            String where = name + " (pattern " + plan.pattern() + ", seed " + seed + ", index " + i + ")";
            switch (plan.pattern()) {
                case SOLID -> assertTrue(PATTERN_WORDS.stream().filter(w -> !w.equals("Solid")).noneMatch(name::contains), where);
                case STRIPES -> assertTrue(name.contains(" Striped "), where);
                case CHECKS -> assertTrue(name.contains(" Checked "), where);
                case DOTS -> assertTrue(name.contains(" Polka Dot ") || name.contains(" Printed "), where);
                case FLORAL -> assertTrue(name.contains(" Floral ") || name.contains(" Printed "), where);
            }
            assertTrue(name.contains(" " + plan.style().word() + " "), where);
            assertFalse(name.contains(",") || name.contains("\""), where);
        }
    }

    @Test
    void aboutOneNameInTenLeavesOutTheColour() {
        long seed = new Random().nextLong();
        int without = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            ProductPlan plan = ProductPlanner.plan(i + 1, ArticleType.SHIRTS, seed, i);
            if (!plan.name().contains(" " + plan.colour().label() + " ")) {
                without++;
            }
        }
        double share = (double) without / n;
        assertTrue(share > 0.07 && share < 0.13, "share without colour " + share + " (seed " + seed + ")");
    }

    @Test
    void genderFollowsTheArticleType() {
        long seed = new Random().nextLong();
        Map<ArticleType, Set<String>> allowed = new EnumMap<>(ArticleType.class);
        for (ArticleType t : List.of(ArticleType.HEELS, ArticleType.DRESSES, ArticleType.SKIRTS, ArticleType.HANDBAGS)) {
            allowed.put(t, Set.of("Women"));
        }
        for (int i = 0; i < 2000; i++) {
            ArticleType type = ArticleType.values()[i % ArticleType.values().length];
            ProductPlan plan = ProductPlanner.plan(i + 1, type, seed, i);
            Set<String> genders = allowed.getOrDefault(type, Set.of("Men", "Women", "Unisex"));
            assertTrue(genders.contains(plan.gender()), plan.name() + " (seed " + seed + ")");
        }
    }

    @Test
    void theSecondColourStandsOutFromTheFirst() {
        long seed = new Random().nextLong();
        for (int i = 0; i < 2000; i++) {
            ProductPlan plan = ProductPlanner.plan(i + 1, ArticleType.TSHIRTS, seed, i);
            assertTrue(plan.colour().distanceTo(plan.secondary().rgb()) >= 140,
                    plan.colour() + " with " + plan.secondary() + " (seed " + seed + ")");
        }
    }

    @Test
    void everyTypeIsInACatalogOfAtLeastAsManyProductsAsTypes() {
        int types = ArticleType.values().length;
        for (int products : new int[] {types, types + 1, 100, 601}) {
            List<ArticleType> mix = ArticleMix.assign(products, 5);
            assertEquals(products, mix.size());
            assertEquals(Set.of(ArticleType.values()), Set.copyOf(mix), products + " products");
        }
        assertEquals(3, ArticleMix.assign(3, 5).size());
    }

    @Test
    void articleTypeCountsFollowTheShares() {
        List<ArticleType> mix = ArticleMix.assign(1000, 9);
        int totalShare = 0;
        for (ArticleType t : ArticleType.values()) {
            totalShare += t.share();
        }
        for (ArticleType t : ArticleType.values()) {
            long count = mix.stream().filter(t::equals).count();
            double expected = 1000.0 * t.share() / totalShare;
            assertTrue(Math.abs(count - expected) < 1, t + ": " + count + " products, expected " + expected);
        }
    }
}
