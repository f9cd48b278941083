// compositeTOP: the inputs folded in order, each new input b onto the result a of the ones before
// (reversed with swaporder), by TD_OPERAND (the operand menu's index in src/ops/composite_top.c).
// Colours are premultiplied, as TouchDesigner's are.
vec4 tdCompose(vec4 a, vec4 b)
{
#if TD_OPERAND == 0      // add
    return a + b;
#elif TD_OPERAND == 1    // atop: b where a is, a elsewhere
    return b * a.a + a * (1.0 - b.a);
#elif TD_OPERAND == 2    // average
    return (a + b) * 0.5;
#elif TD_OPERAND == 3    // difference
    return vec4(abs(a.rgb - b.rgb), 1.0);
#elif TD_OPERAND == 4    // divide
    return a / b;
#elif TD_OPERAND == 5    // inside: b only where a is
    return b * a.a;
#elif TD_OPERAND == 6    // maximum
    return max(a, b);
#elif TD_OPERAND == 7    // minimum
    return min(a, b);
#elif TD_OPERAND == 8    // multiply
    return a * b;
#elif TD_OPERAND == 9    // outside: b only where a is not
    return b * (1.0 - a.a);
#elif TD_OPERAND == 10   // over: b over a
    return b + a * (1.0 - b.a);
#elif TD_OPERAND == 11   // screen
    return 1.0 - (1.0 - a) * (1.0 - b);
#elif TD_OPERAND == 12   // subtract
    return a - b;
#elif TD_OPERAND == 13   // under: b under a
    return a + b * (1.0 - a.a);
#else                    // xor
    return b * (1.0 - a.a) + a * (1.0 - b.a);
#endif
}

vec4 tdInput(int i)
{
#if TD_SWAP_ORDER
    return tdInputAt(TD_NUM_2D_INPUTS - 1 - i);
#else
    return tdInputAt(i);
#endif
}

void main()
{
    vec4 c = tdInput(0);
    for (int i = 1; i < TD_NUM_2D_INPUTS; i++) {
        c = tdCompose(c, tdInput(i));
    }
    fragColor = TDOutputSwizzle(c);
}
