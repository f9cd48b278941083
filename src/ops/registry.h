/* The operator classes: every concrete operator type, in registration order, and the abstract
 * family bases defined in src/ops. module.c registers them; the graph reaches them only through
 * the table it is handed (graph/classes.h). */
#ifndef TD_OPS_REGISTRY_H
#define TD_OPS_REGISTRY_H

#include "graph/op.h"

#define TD_OP_CLASSES(X) \
    X(baseCOMP)          \
    X(containerCOMP)     \
    X(cameraCOMP)        \
    X(geometryCOMP)      \
    X(lightCOMP)         \
    X(ambientlightCOMP)  \
    X(environmentlightCOMP) \
    X(nullCOMP)          \
    X(renderTOP)         \
    X(renderpassTOP)     \
    X(depthTOP)          \
    X(renderselectTOP)   \
    X(constantTOP)       \
    X(nullTOP)           \
    X(levelTOP)          \
    X(compositeTOP)      \
    X(scriptTOP)         \
    X(flipTOP)           \
    X(transformTOP)      \
    X(resolutionTOP)     \
    X(blurTOP)           \
    X(selectTOP)         \
    X(inTOP)             \
    X(outTOP)            \
    X(rampTOP)           \
    X(noiseTOP)          \
    X(moviefileinTOP)    \
    X(glslTOP)           \
    X(boxSOP)            \
    X(sphereSOP)         \
    X(gridSOP)           \
    X(rectangleSOP)      \
    X(circleSOP)         \
    X(lineSOP)           \
    X(torusSOP)          \
    X(tubeSOP)           \
    X(fileinSOP)         \
    X(scriptSOP)         \
    X(nullSOP)           \
    X(inSOP)             \
    X(outSOP)            \
    X(transformSOP)      \
    X(mergeSOP)          \
    X(noiseSOP)          \
    X(constantMAT)       \
    X(phongMAT)          \
    X(pbrMAT)            \
    X(glslMAT)           \
    X(wireframeMAT)      \
    X(textDAT)           \
    X(tableDAT)          \
    X(renderpickDAT)     \
    X(constantCHOP)      \
    X(noiseCHOP)         \
    X(scriptCHOP)        \
    X(soptoCHOP)

#define TD_CLASS_ENUM(name) TD_CLS_##name,
typedef enum { TD_OP_CLASSES(TD_CLASS_ENUM) TD_NCLASSES } td_class_id;
#undef TD_CLASS_ENUM

#define TD_CLASS_DECL(name) extern const td_op_class td_class_##name;
TD_OP_CLASSES(TD_CLASS_DECL)
#undef TD_CLASS_DECL

/* Specs of the family bases defined in src/ops. */
extern PyType_Spec td_ObjectCOMP_spec, td_TOP_spec, td_SOP_spec, td_MAT_spec, td_DAT_spec, td_CHOP_spec;

#endif
