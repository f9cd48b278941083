/* geometryCOMP instancing: the Instance and Instance 2 pages (TouchDesigner's names and tokens),
 * the channels an instance source gives (instance_source.c), and the td_instances a render draws
 * a geometryCOMP's meshes with. */
#ifndef TD_OPS_INSTANCE_H
#define TD_OPS_INSTANCE_H

#include "chan/chans.h"
#include "geom/instances.h"
#include "graph/op.h"
#include "graph/pardef.h"

extern const char *const td_menu_xord[];
extern const char *const td_menu_rord[];
extern const char *const td_menu_xord_labels[];
extern const char *const td_menu_rord_labels[];
extern const char *const td_menu_instcount[], *const td_menu_instcount_labels[];
extern const char *const td_menu_instfirstrow[], *const td_menu_instfirstrow_labels[];
extern const char *const td_menu_instrottoorder[], *const td_menu_instrottoorder_labels[];
extern const char *const td_menu_instrottoforward[], *const td_menu_instrottoforward_labels[];
extern const char *const td_menu_instorder[], *const td_menu_instorder_labels[];
extern const char *const td_menu_insttexmode[], *const td_menu_insttexmode_labels[];
extern const char *const td_menu_instcolormode[], *const td_menu_instcolormode_labels[];

#define TD_INSTCOUNT_MENU(M) M(TD_INSTCOUNT_MANUAL, "manual") M(TD_INSTCOUNT_OPLENGTH, "oplength")
#define TD_INSTFIRSTROW_MENU(M) M(TD_FIRSTROW_IGNORED, "ignored") M(TD_FIRSTROW_NAMES, "names") \
    M(TD_FIRSTROW_VALUES, "values")
#define TD_INSTROTTOORDER_MENU(M) M(TD_ROTTO_DEFAULT, "default") M(TD_ROTTO_PREROT, "prerot") \
    M(TD_ROTTO_POSTROT, "postrot")
#define TD_INSTROTTOFORWARD_MENU(M) M(TD_ROTTOFWD_POSX, "posx") M(TD_ROTTOFWD_NEGX, "negx") \
    M(TD_ROTTOFWD_POSY, "posy") M(TD_ROTTOFWD_NEGY, "negy") M(TD_ROTTOFWD_POSZ, "posz") M(TD_ROTTOFWD_NEGZ, "negz")
#define TD_INSTORDER_MENU(M) M(TD_INSTORDER_INSTANCEWORLD, "instanceworld") M(TD_INSTORDER_WORLDINSTANCE, "worldinstance")
#define TD_INSTTEXMODE_MENU(M) M(TD_INSTTEX_REPLACE, "replace") M(TD_INSTTEX_TRANSFORM, "transform")
#define TD_INSTCOLORMODE_MENU(M) M(TD_INSTCOLOR_REPLACE, "replace") M(TD_INSTCOLOR_MULTIPLY, "multiply") \
    M(TD_INSTCOLOR_ADD, "add") M(TD_INSTCOLOR_SUBTRACT, "subtract")
enum { TD_INSTCOUNT_MENU(TD_MENU_ID) };
enum { TD_INSTFIRSTROW_MENU(TD_MENU_ID) };
enum { TD_INSTROTTOORDER_MENU(TD_MENU_ID) };
enum { TD_INSTROTTOFORWARD_MENU(TD_MENU_ID) };
enum { TD_INSTORDER_MENU(TD_MENU_ID) };
enum { TD_INSTTEXMODE_MENU(TD_MENU_ID) };
enum { TD_INSTCOLORMODE_MENU(TD_MENU_ID) };

/* The Instance and Instance 2 pages, spliced into geometryCOMP's list. The channel parameters
 * name a channel (CHOP), a column (DAT: by its first row's name, or by index), a point attribute
 * component (SOP: "P(0)" .. "N(2)", "uv(0)", "Cd(3)") or a channel of pixels (TOP: "r" "g" "b" "a"). */
#define TD_INSTANCE_PARS(X)                                                                                \
    X(instancing, TD_PAR_T, "Instancing", "Instance", 0)                                                   \
    X(instancecountmode, TD_PAR_ML, "Instance Count Mode", "Instance", TD_INSTCOUNT_OPLENGTH,             \
      td_menu_instcount, td_menu_instcount_labels)                                                         \
    X(numinstances, TD_PAR_I, "Num Instances", "Instance", 1, 0, 1000, TD_PAR_REJECT_MIN)                  \
    X(instanceop, TD_PAR_O, "Default Instance OP", "Instance", "")                                        \
    X(instancefirstrow, TD_PAR_ML, "First Row is", "Instance", TD_FIRSTROW_NAMES, td_menu_instfirstrow,   \
      td_menu_instfirstrow_labels)                                                                         \
    X(instxord, TD_PAR_ML, "Transform Order", "Instance", 0, td_menu_xord, td_menu_xord_labels)           \
    X(instrord, TD_PAR_ML, "Rotate Order", "Instance", 0, td_menu_rord, td_menu_rord_labels)              \
    X(instancetop, TD_PAR_O, "Translate OP", "Instance", "")                                              \
    X(instancetx, TD_PAR_S, "Translate X", "Instance", "tx")                                              \
    X(instancety, TD_PAR_S, "Translate Y", "Instance", "ty")                                              \
    X(instancetz, TD_PAR_S, "Translate Z", "Instance", "tz")                                              \
    X(instancerop, TD_PAR_O, "Rotate OP", "Instance", "")                                                 \
    X(instancerx, TD_PAR_S, "Rotate X", "Instance", "rx")                                                 \
    X(instancery, TD_PAR_S, "Rotate Y", "Instance", "ry")                                                 \
    X(instancerz, TD_PAR_S, "Rotate Z", "Instance", "rz")                                                 \
    X(instancesop, TD_PAR_O, "Scale OP", "Instance", "")                                                  \
    X(instancesx, TD_PAR_S, "Scale X", "Instance", "sx")                                                  \
    X(instancesy, TD_PAR_S, "Scale Y", "Instance", "sy")                                                  \
    X(instancesz, TD_PAR_S, "Scale Z", "Instance", "sz")                                                  \
    X(instancepop, TD_PAR_O, "Pivot OP", "Instance", "")                                                  \
    X(instancepx, TD_PAR_S, "Pivot X", "Instance", "px")                                                  \
    X(instancepy, TD_PAR_S, "Pivot Y", "Instance", "py")                                                  \
    X(instancepz, TD_PAR_S, "Pivot Z", "Instance", "pz")                                                  \
    X(instanceactive, TD_PAR_S, "Active", "Instance", "")                                                 \
    X(instancerottoorder, TD_PAR_ML, "Rotate to Vector Order", "Instance 2", TD_ROTTO_DEFAULT,            \
      td_menu_instrottoorder, td_menu_instrottoorder_labels)                                               \
    X(instancerottoforward, TD_PAR_ML, "Rotate to Vector Forward Direction", "Instance 2", TD_ROTTOFWD_POSZ, \
      td_menu_instrottoforward, td_menu_instrottoforward_labels)                                           \
    X(instancerottoop, TD_PAR_O, "Rotate to OP", "Instance 2", "")                                        \
    X(instancerottox, TD_PAR_S, "Rotate to Vector X", "Instance 2", "")                                   \
    X(instancerottoy, TD_PAR_S, "Rotate to Vector Y", "Instance 2", "")                                   \
    X(instancerottoz, TD_PAR_S, "Rotate to Vector Z", "Instance 2", "")                                   \
    X(instancerotupx, TD_PAR_S, "Rotate Up X", "Instance 2", "")                                          \
    X(instancerotupy, TD_PAR_S, "Rotate Up Y", "Instance 2", "")                                          \
    X(instancerotupz, TD_PAR_S, "Rotate Up Z", "Instance 2", "")                                          \
    X(instanceorder, TD_PAR_ML, "Instance Order", "Instance 2", TD_INSTORDER_INSTANCEWORLD,                \
      td_menu_instorder, td_menu_instorder_labels)                                                         \
    X(instancetexmode, TD_PAR_ML, "Texture Coord Mode", "Instance 2", TD_INSTTEX_REPLACE,                  \
      td_menu_insttexmode, td_menu_insttexmode_labels)                                                     \
    X(instanceu, TD_PAR_S, "Texture U", "Instance 2", "")                                                 \
    X(instancev, TD_PAR_S, "Texture V", "Instance 2", "")                                                 \
    X(instancew, TD_PAR_S, "Texture W", "Instance 2", "")                                                 \
    X(instancecolorop, TD_PAR_O, "Color OP", "Instance 2", "")                                            \
    X(instancecolormode, TD_PAR_ML, "Color Mode", "Instance 2", TD_INSTCOLOR_REPLACE,                      \
      td_menu_instcolormode, td_menu_instcolormode_labels)                                                 \
    X(instancer, TD_PAR_S, "Color R", "Instance 2", "")                                                   \
    X(instanceg, TD_PAR_S, "Color G", "Instance 2", "")                                                   \
    X(instanceb, TD_PAR_S, "Color B", "Instance 2", "")                                                   \
    X(instancea, TD_PAR_S, "Color A", "Instance 2", "")                                                   \
    X(instancetexs, TD_PAR_O, "Textures", "Instance 2", "")                                               \
    X(instancetexindex, TD_PAR_S, "Texture Index", "Instance 2", "")

/* Offsets within the pages (the first, instancing, at the class's td_object_class.instance_par). */
#define TD_INST_ID(id, ...) TD_INST_##id,
enum { TD_INSTANCE_PARS(TD_INST_ID) TD_INST_COUNT };
#undef TD_INST_ID

/* Instance sources: the channels of an operator, by family (instance_source.c). A CHOP's channels;
 * a SOP's point attributes, one channel a component named "P(0)"; a table DAT's columns (named by
 * its first row when firstrow is names, else "0", "1", ...; cells that are no number read 0); a
 * TOP's pixels, one sample a pixel from the bottom row up, channels "r" "g" "b" "a" (those the
 * format has). A new reference, or NULL with a Python error (tdError naming who, the geometryCOMP,
 * for a source instancing cannot read). */
td_chans *td_instance_chans(TdOp *who, TdOp *source);

/* The most instances one geometryCOMP draws. */
#define TD_INSTANCES_MAX (1u << 24)

/* The instances geo's evaluated values (gv; its Instance pages from first) describe, from the
 * sources they name (resolved relative to geo's network, each read once), world being geo's world
 * transform (for instanceorder worldinstance): *out one reference, or NULL when instancing is off. -1 with a Python error (a tdError naming geo for a source that names
 * nothing or no CHOP, SOP, DAT or TOP, or a channel name that names nothing). */
int td_instances_build(TdOp *geo, const td_values *gv, Py_ssize_t first, const double world[16],
                       td_instances **out);

#endif
