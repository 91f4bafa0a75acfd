export type Json = Record<string, any>;
