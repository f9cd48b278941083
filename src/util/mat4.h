/* Small 4x4 matrix helpers in double precision, column-major (m[col*4 + row]) like GL. Plain C. */
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
void td_mat4_normal_matrix(float out[9], const double m[16]);
void td_mat4_to_float(float out[16], const double m[16]);

#endif
