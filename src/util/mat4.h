/* Small 4x4 matrix helpers in double precision, column-major (m[col*4 + row]) like GL: matrices
 * multiply column vectors from the left (p' = M p), the translation is m[12..14]. Plain C. */
#ifndef TD_UTIL_MAT4_H
#define TD_UTIL_MAT4_H

void td_mat4_identity(double m[16]);
/* out = a * b (out may alias neither). */
void td_mat4_mul(double out[16], const double a[16], const double b[16]);
/* m = m * t for the translation, rotation about one axis (degrees), or scale given. */
void td_mat4_translate(double m[16], double x, double y, double z);
void td_mat4_rotate_axis(double m[16], int axis, double degrees);
void td_mat4_scale(double m[16], double x, double y, double z);
/* out = inverse(m); returns 0, or -1 (out = identity) if m is singular. */
int td_mat4_invert(double out[16], const double m[16]);
/* The inverse transpose of m's upper 3x3, column-major, for transforming normals. */
/* out = transpose(m) (out may alias m). */
void td_mat4_transpose(double out[16], const double m[16]);
double td_mat4_determinant(const double m[16]);
/* m = t * m: the left-multiplying forms of translate and scale, and of any matrix. */
void td_mat4_premul(double m[16], const double t[16]);
/* m = m * R, R the rotation by r[0..2] degrees about x, y, z applied in the order rord names
 * ("xyz": R = Rz * Ry * Rx, x applied first; any permutation of "xyz"). */
void td_mat4_rotate_euler(double m[16], const char *rord, const double r[3]);
/* m = m * R, R the rotation by degrees about axis (any length; a zero axis is no rotation). */
void td_mat4_rotate_on_axis(double m[16], const double axis[3], double degrees);
/* An object's transform from its parameters: out = T(p) * A3 * A2 * A1 * T(-p), A1 A2 A3 the
 * scale s, rotation r (degrees, in rotate order rord) and translation t in the order xord names
 * ("srt": scale first, then rotate, then translate: T * R * S). */
void td_mat4_compose(double out[16], const char *xord, const char *rord, const double t[3], const double r[3],
                     const double s[3], const double p[3]);
/* The inverse of td_mat4_compose for the given orders and pivot: t, r (degrees) and s such that
 * compose gives m back, up to shear, which cannot be represented and is dropped (the rotation is
 * the nearest one, Gram-Schmidt). A negative determinant becomes a negative x (or, for the orders
 * that scale after rotating, first-row) scale. -1 (outputs zeroed) when m's 3x3 part is singular
 * (a zero scale) or not finite. */
int td_mat4_decompose(const double m[16], const char *xord, const char *rord, const double p[3], double t[3],
                      double r[3], double s[3]);
/* out = m * (p, 1) divided by w (a projective matrix), or m * (v, 0) for a direction. */
void td_mat4_transform_point(const double m[16], const double p[3], double out[3]);
void td_mat4_transform_vector(const double m[16], const double v[3], double out[3]);
/* The transform of an object at eye whose -Z axis points at target and whose +Y axis leans toward
 * up; when up is parallel to the view direction (or zero) another axis stands in for it. -1 if
 * eye == target (out = identity). */
int td_mat4_lookat(double out[16], const double eye[3], const double target[3], const double up[3]);
/* out = the shortest rotation taking direction from to direction to (any lengths; half a turn about
 * an axis across from when they are opposite); identity if either is zero. */
void td_mat4_rotation_between(double out[16], const double from[3], const double to[3]);
void td_mat4_normal_matrix(float out[9], const double m[16]);
void td_mat4_to_float(float out[16], const double m[16]);

#endif
