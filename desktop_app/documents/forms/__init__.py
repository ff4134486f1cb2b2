"""One builder per printed form (documents layer): DTO in, ``Composition`` out."""
