package io.fashionrec.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A small hand-made catalog in the Kaggle layout, fully determined by its rows: each product
 * is a coloured rectangle on white (PNG, so pixels are exact), tall for tops, wide for shoes.
 */
public final class TinyCatalog {

    /** id, gender, articleType, baseColour, productDisplayName, colour (rgb hex), tall? */
    private static final String[][] ROWS = {
        {"1", "Men", "Tshirts", "Red", "Northwind Men Red T-Shirt", "d02020", "tall"},
        {"2", "Men", "Tshirts", "Red", "Harbor Men Solid Red Tshirts", "c81c28", "tall"},
        {"3", "Women", "Tshirts", "Blue", "Northwind Women Blue T-Shirt", "2040c0", "tall"},
        {"4", "Women", "Tshirts", "Blue", "Alder Women Navy Blue Tshirts", "1a2a80", "tall"},
        {"5", "Men", "Casual Shoes", "Red", "Harbor Men Red Sneakers Casual Shoes", "d02828", "wide"},
        {"6", "Men", "Casual Shoes", "Blue", "Alder Men Blue Casual Shoes", "2438b8", "wide"},
        {"7", "Women", "Casual Shoes", "Blue", "Northwind Women Blue Casual Shoes", "2040c8", "wide"},
        {"8", "Women", "Casual Shoes", "Red", "Alder Women Red Casual Shoes", "c82020", "wide"},
        {"9", "Men", "Tshirts", "Green", "Harbor Men Green T-Shirt", "208040", "tall"},
        {"10", "Men", "Casual Shoes", "Green", "Northwind Men Green Casual Shoes", "288840", "wide"},
    };

    private TinyCatalog() {
    }

    public static int size() {
        return ROWS.length;
    }

    /** Writes styles.csv and images/ into {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        StringBuilder csv = new StringBuilder("id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName\n");
        for (String[] r : ROWS) {
            boolean tall = r[6].equals("tall");
            csv.append(String.join(",", r[0], r[1], tall ? "Apparel" : "Footwear", tall ? "Topwear" : "Shoes", r[2], r[3],
                    "Summer", "2012", "Casual", r[4])).append('\n');
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 32, 32);
            g.setColor(new Color(Integer.parseInt(r[5], 16)));
            if (tall) {
                g.fillRect(10, 2, 12, 28);
            } else {
                g.fillRect(2, 16, 28, 10);
            }
            g.dispose();
            ImageIO.write(image, "png", dir.resolve("images").resolve(r[0] + ".png").toFile());
        }
        Files.writeString(dir.resolve("styles.csv"), csv, StandardCharsets.UTF_8);
        return dir;
    }
}
