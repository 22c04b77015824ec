package io.fashionrec.simd;

class PlainDotProductsTest extends DotProductsTestCase {

    @Override
    DotProducts dotProducts() {
        return PlainDotProducts.INSTANCE;
    }
}
