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
td_mat4_transpose(double out[16], const double m[16])
{
    double t[16];
    for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 4; r++) {
            t[r * 4 + c] = m[c * 4 + r];
        }
    }
    memcpy(out, t, sizeof(t));
}

double
td_mat4_determinant(const double m[16])
{
    /* expansion by 2x2 minors of the first two and last two columns */
    double a0 = m[0] * m[5] - m[1] * m[4], a1 = m[0] * m[6] - m[2] * m[4], a2 = m[0] * m[7] - m[3] * m[4];
    double a3 = m[1] * m[6] - m[2] * m[5], a4 = m[1] * m[7] - m[3] * m[5], a5 = m[2] * m[7] - m[3] * m[6];
    double b0 = m[8] * m[13] - m[9] * m[12], b1 = m[8] * m[14] - m[10] * m[12], b2 = m[8] * m[15] - m[11] * m[12];
    double b3 = m[9] * m[14] - m[10] * m[13], b4 = m[9] * m[15] - m[11] * m[13];
    double b5 = m[10] * m[15] - m[11] * m[14];
    return a0 * b5 - a1 * b4 + a2 * b3 + a3 * b2 - a4 * b1 + a5 * b0;
}

void
td_mat4_premul(double m[16], const double t[16])
{
    double r[16];
    td_mat4_mul(r, t, m);
    memcpy(m, r, sizeof(r));
}

void
td_mat4_rotate_euler(double m[16], const char *rord, const double r[3])
{
    /* R = R(rord[2]) * R(rord[1]) * R(rord[0]): post-multiplied, the last applied comes first */
    for (int k = 2; k >= 0; k--) {
        int axis = rord[k] - 'x';
        td_mat4_rotate_axis(m, axis, r[axis]);
    }
}

void
td_mat4_rotate_on_axis(double m[16], const double axis[3], double degrees)
{
    double len = sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
    if (!(len > 0.0) || !isfinite(len)) {
        return;
    }
    double x = axis[0] / len, y = axis[1] / len, z = axis[2] / len;
    double a = degrees * (M_PI / 180.0), c = cos(a), s = sin(a), k = 1.0 - c;
    double t[16] = {c + x * x * k,     y * x * k + z * s, z * x * k - y * s, 0.0,
                    x * y * k - z * s, c + y * y * k,     z * y * k + x * s, 0.0,
                    x * z * k + y * s, y * z * k - x * s, c + z * z * k,     0.0,
                    0.0,               0.0,               0.0,               1.0};
    post_multiply(m, t);
}

/* The matrix of one letter of a transform order. */
static void
letter_matrix(double out[16], char letter, const char *rord, const double t[3], const double r[3], const double s[3])
{
    td_mat4_identity(out);
    switch (letter) {
    case 't':
        td_mat4_translate(out, t[0], t[1], t[2]);
        break;
    case 's':
        td_mat4_scale(out, s[0], s[1], s[2]);
        break;
    default:
        td_mat4_rotate_euler(out, rord, r);
        break;
    }
}

void
td_mat4_compose(double out[16], const char *xord, const char *rord, const double t[3], const double r[3],
                const double s[3], const double p[3])
{
    td_mat4_identity(out);
    td_mat4_translate(out, p[0], p[1], p[2]);
    /* The first letter is applied first, so it is multiplied last. */
    for (int i = 2; i >= 0; i--) {
        double a[16];
        letter_matrix(a, xord[i], rord, t, r, s);
        post_multiply(out, a);
    }
    td_mat4_translate(out, -p[0], -p[1], -p[2]);
}

static double
dot3(const double a[3], const double b[3])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static void
cross3(double out[3], const double a[3], const double b[3])
{
    double c[3] = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    memcpy(out, c, sizeof(c));
}

/* Gram-Schmidt of v[0..2] into the orthonormal u[0..2]; the lengths of v in len. -1 if a vector
 * is (nearly) zero or the three are (nearly) dependent. */
static int
orthonormalize(const double v[3][3], double u[3][3], double len[3])
{
    for (int i = 0; i < 3; i++) {
        len[i] = sqrt(dot3(v[i], v[i]));
        if (!(len[i] > 1e-300) || !isfinite(len[i])) {
            return -1;
        }
        double w[3] = {v[i][0], v[i][1], v[i][2]};
        for (int j = 0; j < i; j++) {
            double d = dot3(w, u[j]);
            for (int k = 0; k < 3; k++) {
                w[k] -= d * u[j][k];
            }
        }
        double n = sqrt(dot3(w, w));
        if (!(n > 1e-12 * len[i])) {
            return -1;
        }
        for (int k = 0; k < 3; k++) {
            u[i][k] = w[k] / n;
        }
    }
    return 0;
}

/* Euler angles (degrees) of the rotation R (R[row][col]) in rotate order rord: R = Rc Rb Ra for
 * rord "abc". At gimbal lock (the middle angle +-90) the last angle is 0. */
static void
euler_of(const double R[3][3], const char *rord, double out[3])
{
    int i = rord[0] - 'x', j = rord[1] - 'x', k = rord[2] - 'x';
    /* +1 for the cyclic orders xyz yzx zxy, -1 for the others */
    double sigma = ((j - i + 3) % 3 == 1) ? 1.0 : -1.0;
    double sb = -sigma * R[k][i];
    sb = sb > 1.0 ? 1.0 : sb < -1.0 ? -1.0 : sb;
    double a, b = asin(sb), c;
    if (fabs(sb) < 1.0 - 1e-12) {
        a = atan2(sigma * R[k][j], R[k][k]);
        c = atan2(sigma * R[j][i], R[i][i]);
    }
    else {
        c = 0.0;
        a = atan2(-sigma * R[j][k], R[j][j]);
    }
    out[i] = a * (180.0 / M_PI);
    out[j] = b * (180.0 / M_PI);
    out[k] = c * (180.0 / M_PI);
}

int
td_mat4_decompose(const double m[16], const char *xord, const char *rord, const double p[3], double t[3],
                  double r[3], double s[3])
{
    for (int k = 0; k < 3; k++) {
        t[k] = r[k] = s[k] = 0.0;
    }
    /* core = T(-p) * m * T(p): what the orders build between the pivot's translations */
    double core[16];
    memcpy(core, m, sizeof(core));
    td_mat4_translate(core, p[0], p[1], p[2]);
    double tp[16];
    td_mat4_identity(tp);
    td_mat4_translate(tp, -p[0], -p[1], -p[2]);
    td_mat4_premul(core, tp);
    for (int i = 0; i < 16; i++) {
        if (!isfinite(core[i])) {
            return -1;
        }
    }
    /* Scale before rotation ('s' before 'r' in xord): the 3x3 part is R S, whose columns are the
     * scaled axes; otherwise S R, whose rows are. */
    int rs = strchr(xord, 's') < strchr(xord, 'r');
    double v[3][3], u[3][3], len[3];
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 3; k++) {
            v[i][k] = rs ? core[i * 4 + k] : core[k * 4 + i];
        }
    }
    if (orthonormalize(v, u, len) < 0) {
        return -1;
    }
    double c[3];
    cross3(c, u[0], u[1]);
    if (dot3(c, u[2]) < 0.0) { /* a mirror: the first axis takes the sign */
        len[0] = -len[0];
        for (int k = 0; k < 3; k++) {
            u[0][k] = -u[0][k];
        }
    }
    double R[3][3]; /* R[row][col] */
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 3; k++) {
            R[k][i] = rs ? u[i][k] : u[k][i];
        }
    }
    euler_of(R, rord, r);
    memcpy(s, len, sizeof(len));
    /* core's translation is X t, X the letters applied after t */
    double x[16];
    td_mat4_identity(x);
    const char *after = strchr(xord, 't') + 1;
    for (int i = (int)strlen(after) - 1; i >= 0; i--) {
        double a[16];
        letter_matrix(a, after[i], rord, t, r, s);
        post_multiply(x, a);
    }
    double xi[16];
    if (td_mat4_invert(xi, x) < 0) {
        return -1;
    }
    double tr[3] = {core[12], core[13], core[14]};
    td_mat4_transform_vector(xi, tr, t);
    return 0;
}

void
td_mat4_transform_point(const double m[16], const double p[3], double out[3])
{
    double o[4];
    for (int r = 0; r < 4; r++) {
        o[r] = m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r];
    }
    double w = o[3] != 0.0 ? o[3] : 1.0;
    for (int k = 0; k < 3; k++) {
        out[k] = o[k] / w;
    }
}

void
td_mat4_transform_vector(const double m[16], const double v[3], double out[3])
{
    double o[3];
    for (int r = 0; r < 3; r++) {
        o[r] = m[r] * v[0] + m[4 + r] * v[1] + m[8 + r] * v[2];
    }
    memcpy(out, o, sizeof(o));
}

/* The world axis least along v: an axis never (nearly) parallel to it. */
static void
least_axis(const double v[3], double out[3])
{
    int k = fabs(v[0]) <= fabs(v[1]) && fabs(v[0]) <= fabs(v[2]) ? 0 : fabs(v[1]) <= fabs(v[2]) ? 1 : 2;
    out[0] = out[1] = out[2] = 0.0;
    out[k] = 1.0;
}

void
td_mat4_rotation_between(double out[16], const double from[3], const double to[3])
{
    td_mat4_identity(out);
    double a = sqrt(dot3(from, from)), b = sqrt(dot3(to, to));
    if (!(a > 0.0) || !(b > 0.0) || !isfinite(a * b)) {
        return;
    }
    double axis[3];
    cross3(axis, from, to);
    double s = sqrt(dot3(axis, axis)), c = dot3(from, to);
    if (s <= 1e-12 * a * b) {
        if (c > 0.0) {
            return;
        }
        double other[3];
        least_axis(from, other);
        cross3(axis, from, other);
        td_mat4_rotate_on_axis(out, axis, 180.0);
        return;
    }
    td_mat4_rotate_on_axis(out, axis, atan2(s, c) * (180.0 / M_PI));
}

int
td_mat4_lookat(double out[16], const double eye[3], const double target[3], const double up[3])
{
    td_mat4_identity(out);
    double f[3] = {target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]};
    double n = sqrt(dot3(f, f));
    if (!(n > 0.0) || !isfinite(n)) {
        return -1;
    }
    double z[3] = {-f[0] / n, -f[1] / n, -f[2] / n}, x[3], y[3];
    cross3(x, up, z);
    double xl = sqrt(dot3(x, x)), ul = sqrt(dot3(up, up));
    if (!(xl > 1e-9 * ul) || !isfinite(xl)) {
        /* up is zero or along the view: the world axis least along it stands in */
        double a[3];
        least_axis(z, a);
        cross3(x, a, z);
        xl = sqrt(dot3(x, x));
    }
    for (int k = 0; k < 3; k++) {
        x[k] /= xl;
    }
    cross3(y, z, x);
    for (int k = 0; k < 3; k++) {
        out[k] = x[k];
        out[4 + k] = y[k];
        out[8 + k] = z[k];
        out[12 + k] = eye[k];
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
