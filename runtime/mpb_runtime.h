// mpb_runtime.h: the only header generated modules include: the mpbind runtime API (prefix mpb_).
#ifndef MPB_RUNTIME_H
#define MPB_RUNTIME_H

#include "mpb_compat.h"
#include "mpb_types.h"
#include "mpb_layout.h"
#include "mpb_roots.h"
#include "mpb_convert.h"
#include "mpb_pending.h"
#include "mpb_fun.h"
#include "mpb_identity.h"
#include "mpb_instance.h"
#include "mpb_blob.h"
#include "mpb_object_state.h"
#include "mpb_callback.h"
#include "mpb_handle.h"
#include "mpb_struct.h"
#include "mpb_cpointer.h"
#include "mpb_const.h"
#include "mpb_isr.h"
#include "mpb_global.h"
#include "mpb_seq.h"

#endif // MPB_RUNTIME_H
