import { z } from 'zod';
import { PRODUCT_CATEGORIES } from './product-categories';

/** Older plans carry no category: they parse as `other`, which asks nothing beyond the documents every product needs. */
export const ZProductCategorySchema = z.enum(PRODUCT_CATEGORIES);
