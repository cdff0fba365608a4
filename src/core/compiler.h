/* compiler.h — what leergang asks the compiler to check for it: the length
 * of an array (which does not compile on a pointer, where sizeof would
 * silently give the pointer's size) and results that must not be dropped. */
#ifndef LG_COMPILER_H
#define LG_COMPILER_H

/* 0, or a compile error when cond is false (usable inside an expression) */
#define BUILD_ASSERT_OR_ZERO(cond) (sizeof(char[1 - 2 * !(cond)]) - 1)

/* The number of elements of an array; a pointer does not compile. */
#define ARRAY_SIZE(x) \
	(sizeof(x) / sizeof((x)[0]) + \
	 BUILD_ASSERT_OR_ZERO(!__builtin_types_compatible_p(__typeof__(x), __typeof__(&(x)[0]))))

/* On a function whose result says whether it worked: a caller that drops
 * the result does not compile (-Werror). */
#define MUST_CHECK __attribute__((warn_unused_result))

#endif
