package io.fashionrec.synthetic;

/** Which way stripes run on a piece of cloth: shirts are striped top to bottom, tees across. */
enum Grain {
    HORIZONTAL,
    VERTICAL
}
