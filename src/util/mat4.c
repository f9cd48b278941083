/* 4x4 matrices. See mat4.h. */
#include "util/mat4.h"

#include <math.h>
#include <string.h>

void
td_mat4_identity(double m[16])
{
    memset(m, 0, 16 * sizeof(double));
    m[0] = m[5] = m[10] = m[15] = 1.0;
}

void
td_mat4_mul(double out[16], const double a[16], const double b[16])
{
    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            double s = 0.0;
            for (int k = 0; k < 4; k++) {
                s += a[k * 4 + r] * b[c * 4 + k];
            }
            out[c * 4 + r] = s;
        }
    }
}

static void
post_multiply(double m[16], const double t[16])
{
    double r[16];
    td_mat4_mul(r, m, t);
    memcpy(m, r, sizeof(r));
}

void
td_mat4_translate(double m[16], double x, double y, double z)
{
    double t[16];
    td_mat4_identity(t);
    t[12] = x;
    t[13] = y;
    t[14] = z;
    post_multiply(m, t);
}

void
td_mat4_rotate_axis(double m[16], int axis, double degrees)
{
    double t[16];
    double a = degrees * (M_PI / 180.0);
    double c = cos(a), s = sin(a);
    td_mat4_identity(t);
    int i = (axis + 1) % 3, j = (axis + 2) % 3; /* x: (y,z), y: (z,x), z: (x,y) */
    t[i * 4 + i] = c;
    t[i * 4 + j] = s;
    t[j * 4 + i] = -s;
    t[j * 4 + j] = c;
    post_multiply(m, t);
}

void
td_mat4_scale(double m[16], double x, double y, double z)
{
    double t[16];
    td_mat4_identity(t);
    t[0] = x;
    t[5] = y;
    t[10] = z;
    post_multiply(m, t);
}

int
td_mat4_invert(double out[16], const double m[16])
{
    double inv[16];
    inv[0] = m[5] * m[10] * m[15] - m[5] * m[11] * m[14] - m[9] * m[6] * m[15] + m[9] * m[7] * m[14] +
             m[13] * m[6] * m[11] - m[13] * m[7] * m[10];
    inv[4] = -m[4] * m[10] * m[15] + m[4] * m[11] * m[14] + m[8] * m[6] * m[15] - m[8] * m[7] * m[14] -
             m[12] * m[6] * m[11] + m[12] * m[7] * m[10];
    inv[8] = m[4] * m[9] * m[15] - m[4] * m[11] * m[13] - m[8] * m[5] * m[15] + m[8] * m[7] * m[13] +
             m[12] * m[5] * m[11] - m[12] * m[7] * m[9];
    inv[12] = -m[4] * m[9] * m[14] + m[4] * m[10] * m[13] + m[8] * m[5] * m[14] - m[8] * m[6] * m[13] -
              m[12] * m[5] * m[10] + m[12] * m[6] * m[9];
    inv[1] = -m[1] * m[10] * m[15] + m[1] * m[11] * m[14] + m[9] * m[2] * m[15] - m[9] * m[3] * m[14] -
             m[13] * m[2] * m[11] + m[13] * m[3] * m[10];
    inv[5] = m[0] * m[10] * m[15] - m[0] * m[11] * m[14] - m[8] * m[2] * m[15] + m[8] * m[3] * m[14] +
             m[12] * m[2] * m[11] - m[12] * m[3] * m[10];
    inv[9] = -m[0] * m[9] * m[15] + m[0] * m[11] * m[13] + m[8] * m[1] * m[15] - m[8] * m[3] * m[13] -
             m[12] * m[1] * m[11] + m[12] * m[3] * m[9];
    inv[13] = m[0] * m[9] * m[14] - m[0] * m[10] * m[13] - m[8] * m[1] * m[14] + m[8] * m[2] * m[13] +
              m[12] * m[1] * m[10] - m[12] * m[2] * m[9];
    inv[2] = m[1] * m[6] * m[15] - m[1] * m[7] * m[14] - m[5] * m[2] * m[15] + m[5] * m[3] * m[14] +
             m[13] * m[2] * m[7] - m[13] * m[3] * m[6];
    inv[6] = -m[0] * m[6] * m[15] + m[0] * m[7] * m[14] + m[4] * m[2] * m[15] - m[4] * m[3] * m[14] -
             m[12] * m[2] * m[7] + m[12] * m[3] * m[6];
    inv[10] = m[0] * m[5] * m[15] - m[0] * m[7] * m[13] - m[4] * m[1] * m[15] + m[4] * m[3] * m[13] +
              m[12] * m[1] * m[7] - m[12] * m[3] * m[5];
    inv[14] = -m[0] * m[5] * m[14] + m[0] * m[6] * m[13] + m[4] * m[1] * m[14] - m[4] * m[2] * m[13] -
              m[12] * m[1] * m[6] + m[12] * m[2] * m[5];
    inv[3] = -m[1] * m[6] * m[11] + m[1] * m[7] * m[10] + m[5] * m[2] * m[11] - m[5] * m[3] * m[10] -
             m[9] * m[2] * m[7] + m[9] * m[3] * m[6];
    inv[7] = m[0] * m[6] * m[11] - m[0] * m[7] * m[10] - m[4] * m[2] * m[11] + m[4] * m[3] * m[10] +
             m[8] * m[2] * m[7] - m[8] * m[3] * m[6];
    inv[11] = -m[0] * m[5] * m[11] + m[0] * m[7] * m[9] + m[4] * m[1] * m[11] - m[4] * m[3] * m[9] -
              m[8] * m[1] * m[7] + m[8] * m[3] * m[5];
    inv[15] = m[0] * m[5] * m[10] - m[0] * m[6] * m[9] - m[4] * m[1] * m[10] + m[4] * m[2] * m[9] +
              m[8] * m[1] * m[6] - m[8] * m[2] * m[5];
    double det = m[0] * inv[0] + m[1] * inv[4] + m[2] * inv[8] + m[3] * inv[12];
    if (det == 0.0 || !isfinite(det)) {
        td_mat4_identity(out);
        return -1;
    }
    for (int i = 0; i < 16; i++) {
        out[i] = inv[i] / det;
    }
    return 0;
}

void
td_mat4_normal_matrix(float out[9], const double m[16])
{
    double inv[16];
    td_mat4_invert(inv, m);
    /* transpose of the inverse's upper 3x3, column-major: out[c*3+r] = inv[r*4+c] */
    for (int c = 0; c < 3; c++) {
        for (int r = 0; r < 3; r++) {
            out[c * 3 + r] = (float)inv[r * 4 + c];
        }
    }
}

void
td_mat4_to_float(float out[16], const double m[16])
{
    for (int i = 0; i < 16; i++) {
        out[i] = (float)m[i];
    }
}
