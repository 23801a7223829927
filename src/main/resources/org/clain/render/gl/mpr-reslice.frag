#version 330 core
// Multiplanar reformat of a GL_R16 volume into a float32 target: modality values (HU), or
// NO_DATA outside the volume. Mirrors org.clain.render.Reslicer: positions in voxel index space
// (texel centres at integers), volume box [-0.5, n-0.5] (+EDGE_EPS), clamp to the edge voxel,
// trilinear interpolation done here from 8 texelFetch (exact weights, no 8-bit filter weights).

uniform sampler3D volume;      // GL_R16; HU = texel * huScale + huOffset
uniform sampler2D positions;   // curved mode: voxel position of each pixel (RGB32F)
uniform ivec3 dims;
uniform float huScale;
uniform float huOffset;
uniform int curved;            // 1: positions come from the texture
uniform vec3 origin;           // voxel position of pixel (0,0), slab middle
uniform vec3 du;               // voxel delta per column
uniform vec3 dv;               // voxel delta per row
uniform vec3 ds;               // voxel delta per slab sample
uniform float slabStart;       // index of the first slab sample, -(samples-1)/2
uniform int samples;           // 1: thin
uniform int mode;              // 0 MIP, 1 MinIP, 2 AVG

layout(location = 0) out float result;

const float EDGE_EPS = 1e-4;
const float NO_DATA = -3.0e38;

float texel(ivec3 p) {
    return texelFetch(volume, p, 0).r;
}

// false when p is outside the volume box
bool sampleAt(vec3 p, out float hu) {
    vec3 hi = vec3(dims) - 0.5 + EDGE_EPS;
    if (any(lessThan(p, vec3(-0.5 - EDGE_EPS))) || any(greaterThan(p, hi))) {
        hu = 0.0;
        return false;
    }
    vec3 fl = floor(p);
    vec3 f = p - fl;
    ivec3 i = ivec3(fl);
    ivec3 a = clamp(i, ivec3(0), dims - 1);
    ivec3 b = clamp(i + 1, ivec3(0), dims - 1);
    float a00 = texel(ivec3(a.x, a.y, a.z));
    float a10 = texel(ivec3(b.x, a.y, a.z));
    float a01 = texel(ivec3(a.x, b.y, a.z));
    float a11 = texel(ivec3(b.x, b.y, a.z));
    float b00 = texel(ivec3(a.x, a.y, b.z));
    float b10 = texel(ivec3(b.x, a.y, b.z));
    float b01 = texel(ivec3(a.x, b.y, b.z));
    float b11 = texel(ivec3(b.x, b.y, b.z));
    float x0 = a00 + f.x * (a10 - a00);
    float x1 = a01 + f.x * (a11 - a01);
    float y0 = b00 + f.x * (b10 - b00);
    float y1 = b01 + f.x * (b11 - b01);
    float va = x0 + f.y * (x1 - x0);
    float vb = y0 + f.y * (y1 - y0);
    hu = (va + f.z * (vb - va)) * huScale + huOffset;
    return true;
}

void main() {
    ivec2 pix = ivec2(gl_FragCoord.xy);   // column, row (row 0 = first row read back = top of the image)
    vec3 p;
    if (curved == 1) {
        p = texelFetch(positions, pix, 0).xyz;
    } else {
        p = origin + float(pix.x) * du + float(pix.y) * dv;
    }
    if (samples <= 1) {
        float hu;
        result = sampleAt(p, hu) ? hu : NO_DATA;
        return;
    }
    float acc = (mode == 2) ? 0.0 : NO_DATA;
    int count = 0;
    for (int k = 0; k < samples; k++) {
        float hu;
        if (sampleAt(p + (slabStart + float(k)) * ds, hu)) {
            if (mode == 0) {
                acc = count == 0 ? hu : max(acc, hu);
            } else if (mode == 1) {
                acc = count == 0 ? hu : min(acc, hu);
            } else {
                acc += hu;
            }
            count++;
        }
    }
    if (count == 0) {
        result = NO_DATA;
    } else {
        result = (mode == 2) ? acc / float(count) : acc;
    }
}
