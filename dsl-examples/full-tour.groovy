// Every DSL word in one script: the example from the design notes.
character('mara') {
    name 'Mara Voss'
    age 34
    skin 'olive skin'
    hair 'short black bob with a silver streak'
    eyes 'green eyes'
    features 'scar on left cheek', 'light freckles'
    affect 'confident', 'calm'
    anchors {
        image 'anchors/mara/front.png', pose: 'frontal'
        image 'anchors/mara/three-quarter.png', pose: 'three-quarter'
        image 'anchors/mara/profile.png', pose: 'profile'
    }
    reference strength: 'Mid'
}

style('noir') {
    model 'Leonardo Kino XL'          // a platform model name or id
    preset 'CINEMATIC'
    tokens 'film noir', 'low-key lighting', 'photoreal'
    reference 'anchors/styles/noir.png', strength: 'High'
}
camera('portrait85')  { tokens '85mm f/1.8', 'shallow depth of field', 'head and shoulders' }
negatives('hard')     { tokens 'extra fingers', 'mutated features', 'watermark', 'text' }

template('canonical') {
    style 'noir'
    camera 'portrait85'
    negatives 'hard'
    size 832, 1216
    poses 'frontal', 'three-quarter'   // two anchors + the style reference: three controlnets
}

pipeline('pack') {
    explore count: 8, size: '512x768', steps: 15   // cheap low-res samples
    select top: 2                                   // by drift score, or ask in the REPL
    refine strength: 0.35                           // image-to-image, references kept
    qa 'eyes match the anchors', 'scar on the left cheek', 'hairline matches'
    upscale mode: 'ultra'
    grade lut: 'luts/teal-orange.cube'
    export 'png', 'jpg'
}

def shots = generate mara, template: 'canonical', seed: 4242, count: 4
def best  = refine shots[1], strength: 0.3
upscale best
run 'pack', character: mara, template: 'canonical', seed: 4242
