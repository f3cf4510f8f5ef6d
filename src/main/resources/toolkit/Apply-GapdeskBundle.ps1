<#
.SYNOPSIS
    Verifies a Gapdesk bundle against the pinned kiosk key, applies its Confirmation IDs and writes a results
    file.

.DESCRIPTION
    Windows PowerShell 5.1, no modules. A small port of the Java reference that the Gapdesk tests run:
    org.gapdesk.lab.LabVerifier (Test-GapdeskBundle), LabState (Read-LabState, Save-LabState),
    LabApplier (Invoke-GapdeskApply) and LabApplyRun (the end of this file). Same checks, same order, same
    reason codes, same results file.

    Checks, in order; the first that fails refuses the bundle, prints its reason and applies nothing:
      missing-manifest, missing-signature, too-large, bad-signature / signed-by-other-key,
      malformed-manifest, unsupported-version, lab-mismatch, sequence-not-newer, extra-file, missing-file,
      size-mismatch, hash-mismatch, malformed-confirmations, entries-mismatch, invalid-id.
    Then, for each entry addressed to a machine of this run: find the product by Activation ID, deposit the
    CID only if the machine's current Installation ID equals the entry's, refresh the license status and read
    LicenseStatus (1 = licensed).

    The script reads the bundle as data only. It never runs anything from the bundle and makes no network
    connection (with -ComputerName it talks CIM to those lab machines, nothing else).

.PARAMETER Bundle
    The bundle folder (gapdesk-bundle-<LAB>-<SEQ>) on the stick. A downloaded zip must be extracted first.
.PARAMETER Lab
    The lab code; needed only when the toolkit was not built for one lab.
.PARAMETER OutFolder
    Where the results file is written (default: the folder that holds the bundle, i.e. the stick).
.PARAMETER StateFile
    The lab state file (default: %ProgramData%\Gapdesk\state-<LAB>.json).
.PARAMETER ComputerName
    Apply to these machines through CIM sessions instead of this machine. Entries for machines not reached
    are reported as skipped (not-this-machine).
.PARAMETER Alias
    This machine's alias, when the lab collected with aliases.
.PARAMETER AliasMap
    CSV file with header host,alias: the aliases the lab collected with.
.PARAMETER AllowOlderSequence
    Apply even though the bundle's sequence is not greater than the last applied one (a deliberate re-run).
    Recorded in the results file and the state file.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\Apply-GapdeskBundle.ps1 -Bundle E:\gapdesk-bundle-LAB-A-7
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Bundle,
    [string] $Lab,
    [string] $OutFolder,
    [string] $StateFile,
    [string[]] $ComputerName,
    [string] $Alias,
    [string] $AliasMap,
    [switch] $AllowOlderSequence
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$MaxManifestBytes = 1MB
$MaxSignatureBytes = 4096
$MaxConfirmationsBytes = 64MB
$GuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
$FileNamePattern = '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'

# ---------------------------------------------------------------------------------------------------------
# Small helpers

function Stop-Bundle([string] $Reason, [string] $Message) {
    # LabVerifier throws BundleRejectedException(reason, message); here: an error record carrying the reason.
    $ex = New-Object System.InvalidOperationException ($Reason + ': ' + $Message)
    $ex.Data['GapdeskReason'] = $Reason
    throw $ex
}

function Get-Field($Object, [string] $Name) {
    # A JSON member, or $null when it is absent (StrictMode would throw on a missing property).
    if ($null -eq $Object -or $Object -isnot [System.Management.Automation.PSCustomObject]) { return $null }
    $p = $Object.PSObject.Properties[$Name]
    if ($null -eq $p) { return $null }
    return ,$p.Value   # the comma keeps an array an array (a bare return would unroll it)
}

function Test-Text($Value) { return ($Value -is [string]) -and ($Value.Trim().Length -gt 0) }

function Test-Integer($Value, [long] $Min, [long] $Max) {
    return (($Value -is [int]) -or ($Value -is [long])) -and ([long]$Value -ge $Min) -and ([long]$Value -le $Max)
}

function Get-Sha256Hex([byte[]] $Bytes) {
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try { return ([System.BitConverter]::ToString($sha.ComputeHash($Bytes))).Replace('-', '').ToLowerInvariant() }
    finally { $sha.Dispose() }
}

function Read-Bounded([string] $Path, [long] $Max, [string] $Unreadable) {
    $item = Get-Item -LiteralPath $Path -Force
    if ($item.Length -gt $Max) {
        Stop-Bundle 'too-large' ("{0} has {1} bytes, more than the {2} accepted" -f $item.Name, $item.Length, $Max)
    }
    try { return ,[System.IO.File]::ReadAllBytes($item.FullName) }
    catch { Stop-Bundle $Unreadable ("cannot read {0}: {1}" -f $item.Name, $_.Exception.Message) }
}

function ConvertFrom-JsonBytes([byte[]] $Bytes) {
    # UTF-8; a byte order mark is skipped. Throws when the text is not a JSON object.
    $text = (New-Object System.Text.UTF8Encoding $false, $true).GetString($Bytes).TrimStart([char]0xFEFF)
    $value = ConvertFrom-Json -InputObject $text
    if ($value -isnot [System.Management.Automation.PSCustomObject]) { throw 'the top level is not a JSON object' }
    return $value
}

function Get-Digits([string] $Text) { if ($null -eq $Text) { return '' } return ($Text -replace '[^0-9]', '') }

function Format-HResult($Code) { return '0x{0:X8}' -f [uint32]([int64]$Code -band 0xFFFFFFFFL) }

# ---------------------------------------------------------------------------------------------------------
# LabVerifier

function Test-ManifestSignature([byte[]] $Data, [byte[]] $Signature, [string] $KeyXml) {
    # SHA256withRSA, PKCS#1 v1.5 (the only padding RSACryptoServiceProvider signs with).
    $rsa = New-Object System.Security.Cryptography.RSACryptoServiceProvider
    try {
        $rsa.FromXmlString($KeyXml)
        return $rsa.VerifyData($Data, 'SHA256', $Signature)
    } catch {
        return $false
    } finally {
        $rsa.Clear()
    }
}

function Test-GapdeskBundle([string] $Folder, [string] $ExpectedLab, [long] $LastSequence, [bool] $AllowOlder,
        [string] $KeyXml, [string] $PinnedFingerprint) {
    $manifestPath = Join-Path $Folder 'manifest.json'
    $signaturePath = Join-Path $Folder 'manifest.sig'
    if (-not (Test-Path -LiteralPath $Folder -PathType Container) -or
            -not (Test-Path -LiteralPath $manifestPath -PathType Leaf)) {
        Stop-Bundle 'missing-manifest' "no manifest.json in $Folder"
    }
    if (-not (Test-Path -LiteralPath $signaturePath -PathType Leaf)) {
        Stop-Bundle 'missing-signature' "no manifest.sig in $Folder"
    }
    [byte[]] $manifestBytes = Read-Bounded $manifestPath $MaxManifestBytes 'missing-manifest'
    [byte[]] $signature = Read-Bounded $signaturePath $MaxSignatureBytes 'missing-signature'

    if (-not (Test-ManifestSignature $manifestBytes $signature $KeyXml)) {
        $named = $null
        try { $named = Get-Field (ConvertFrom-JsonBytes $manifestBytes) 'keyFingerprint' } catch { }
        if ((Test-Text $named) -and ($named -match '^[0-9A-Fa-f]{64}$') -and ($named -ne $PinnedFingerprint)) {
            Stop-Bundle 'signed-by-other-key' "the bundle was signed by key $named, not by the pinned kiosk key $PinnedFingerprint"
        }
        Stop-Bundle 'bad-signature' "manifest.sig does not verify manifest.json with the pinned kiosk key $PinnedFingerprint"
    }
    try { $manifest = ConvertFrom-JsonBytes $manifestBytes }
    catch { Stop-Bundle 'malformed-manifest' ("manifest.json: " + $_.Exception.Message) }

    if ((Get-Field $manifest 'format') -cne 'gapdesk-bundle' -or -not (Test-Integer (Get-Field $manifest 'version') 1 1)) {
        Stop-Bundle 'unsupported-version' 'manifest.json is not a gapdesk-bundle of version 1'
    }
    $fingerprint = Get-Field $manifest 'keyFingerprint'
    $kioskId = Get-Field $manifest 'kioskId'
    $bundleLab = Get-Field $manifest 'lab'
    $sequence = Get-Field $manifest 'sequence'
    $entryCount = Get-Field $manifest 'entryCount'
    foreach ($name in 'keyFingerprint', 'kioskId', 'lab') {
        if (-not (Test-Text (Get-Field $manifest $name))) {
            Stop-Bundle 'malformed-manifest' "manifest.json: $name is missing or not a non-empty string"
        }
    }
    if (-not (Test-Integer $sequence 1 ([long]::MaxValue))) {
        Stop-Bundle 'malformed-manifest' 'manifest.json: sequence is missing or not an integer from 1'
    }
    if (-not (Test-Integer $entryCount 0 ([int]::MaxValue))) {
        Stop-Bundle 'malformed-manifest' 'manifest.json: entryCount is missing or not an integer from 0'
    }
    $listed = Get-ListedFiles $manifest
    if ($fingerprint -ne $PinnedFingerprint) {
        Stop-Bundle 'signed-by-other-key' "manifest.json names key $fingerprint, not the pinned kiosk key $PinnedFingerprint"
    }
    if ($bundleLab -cne $ExpectedLab) {
        Stop-Bundle 'lab-mismatch' "the bundle is for lab $bundleLab; this toolkit is installed for lab $ExpectedLab"
    }
    $override = ([long]$sequence -le $LastSequence)
    if ($override -and -not $AllowOlder) {
        Stop-Bundle 'sequence-not-newer' ("the bundle's sequence $sequence is not greater than $LastSequence, the last one" +
            " applied for lab $ExpectedLab (a replay or an older bundle; -AllowOlderSequence only if you mean to)")
    }
    Test-ListedFiles $Folder $listed
    $entries = Read-Confirmations (Join-Path $Folder 'confirmations.json') $bundleLab ([long]$sequence) ([long]$entryCount)
    return [pscustomobject]@{
        KioskId          = $kioskId
        KeyFingerprint   = $fingerprint.ToUpperInvariant()
        Lab              = $bundleLab
        Sequence         = [long]$sequence
        ManifestSha256   = Get-Sha256Hex $manifestBytes
        SequenceOverride = [bool]$override
        Entries          = $entries
    }
}

function Get-ListedFiles($Manifest) {
    $files = Get-Field $Manifest 'files'
    if ($null -eq $files -or $files -isnot [System.Array]) {
        Stop-Bundle 'malformed-manifest' 'manifest.json: files is missing or not an array'
    }
    $listed = @{}   # keyed by lower-case name, like the Java map
    for ($i = 0; $i -lt $files.Count; $i++) {
        $f = $files[$i]
        $name = Get-Field $f 'name'
        $size = Get-Field $f 'size'
        $sha = Get-Field $f 'sha256'
        if (-not (Test-Text $name) -or $name -cnotmatch $FileNamePattern -or $name -eq 'manifest.json' -or $name -eq 'manifest.sig') {
            Stop-Bundle 'malformed-manifest' "manifest.json: files[$i].name is not a plain file name of a bundle"
        }
        if (-not (Test-Integer $size 0 ([long]::MaxValue))) {
            Stop-Bundle 'malformed-manifest' "manifest.json: files[$i].size is missing or not an integer from 0"
        }
        if (-not (Test-Text $sha) -or $sha -notmatch '^[0-9A-Fa-f]{64}$') {
            Stop-Bundle 'malformed-manifest' "manifest.json: files[$i].sha256 is not 64 hex digits"
        }
        $key = $name.ToLowerInvariant()
        if ($listed.ContainsKey($key)) {
            Stop-Bundle 'malformed-manifest' "manifest.json: files[$i].name '$name' is listed twice"
        }
        $listed[$key] = [pscustomobject]@{ Name = $name; Size = [long]$size; Sha256 = $sha }
    }
    if (-not $listed.ContainsKey('confirmations.json')) {
        Stop-Bundle 'malformed-manifest' 'manifest.json: files does not list confirmations.json'
    }
    return $listed
}

function Test-ListedFiles([string] $Folder, [hashtable] $Listed) {
    foreach ($item in @(Get-ChildItem -LiteralPath $Folder -Force | Sort-Object Name)) {
        if ($item.Attributes -band [IO.FileAttributes]::ReparsePoint) {
            Stop-Bundle 'extra-file' ("'{0}' is a link; a bundle holds plain files only" -f $item.Name)
        }
        if ($item.Name -ceq 'manifest.json' -or $item.Name -ceq 'manifest.sig') { continue }
        $key = $item.Name.ToLowerInvariant()
        if (-not $Listed.ContainsKey($key) -or $Listed[$key].Name -cne $item.Name -or $item.PSIsContainer) {
            Stop-Bundle 'extra-file' ("'{0}' is in the bundle folder but not listed in manifest.json" -f $item.Name)
        }
    }
    foreach ($f in $Listed.Values) {
        $path = Join-Path $Folder $f.Name
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
            Stop-Bundle 'missing-file' ("'{0}' is listed in manifest.json but not in the bundle folder" -f $f.Name)
        }
        $size = (Get-Item -LiteralPath $path -Force).Length
        if ($size -ne $f.Size) {
            Stop-Bundle 'size-mismatch' ("'{0}' has {1} bytes; the manifest lists {2}" -f $f.Name, $size, $f.Size)
        }
        $actual = (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash.ToLowerInvariant()
        if ($actual -ne $f.Sha256.ToLowerInvariant()) {
            Stop-Bundle 'hash-mismatch' ("'{0}' has SHA-256 {1}; the manifest lists {2}" -f $f.Name, $actual, $f.Sha256.ToLowerInvariant())
        }
    }
}

function Read-Confirmations([string] $Path, [string] $BundleLab, [long] $Sequence, [long] $EntryCount) {
    [byte[]] $bytes = Read-Bounded $Path $MaxConfirmationsBytes 'missing-file'
    try { $root = ConvertFrom-JsonBytes $bytes }
    catch { Stop-Bundle 'malformed-confirmations' ("confirmations.json: " + $_.Exception.Message) }
    if ((Get-Field $root 'format') -cne 'gapdesk-confirmations' -or -not (Test-Integer (Get-Field $root 'version') 1 1)) {
        Stop-Bundle 'malformed-confirmations' 'confirmations.json: not gapdesk-confirmations version 1'
    }
    $fileLab = Get-Field $root 'lab'
    $fileSequence = Get-Field $root 'sequence'
    $list = Get-Field $root 'entries'
    if (-not (Test-Text $fileLab) -or -not (Test-Integer $fileSequence 1 ([long]::MaxValue))) {
        Stop-Bundle 'malformed-confirmations' 'confirmations.json: lab or sequence is missing or malformed'
    }
    if ($null -eq $list -or $list -isnot [System.Array]) {
        Stop-Bundle 'malformed-confirmations' 'confirmations.json: entries is missing or not an array'
    }
    if ($fileLab -cne $BundleLab -or [long]$fileSequence -ne $Sequence -or $list.Count -ne $EntryCount) {
        Stop-Bundle 'entries-mismatch' ("confirmations.json is for lab $fileLab sequence $fileSequence with " +
            "$($list.Count) entries; manifest.json says lab $BundleLab sequence $Sequence with $EntryCount")
    }
    $entries = New-Object System.Collections.Generic.List[object]
    for ($i = 0; $i -lt $list.Count; $i++) {
        $entries.Add((Read-Entry $list[$i] "entries[$i]."))
    }
    return ,$entries.ToArray()
}

function Read-Entry($E, [string] $Where) {
    if ($E -isnot [System.Management.Automation.PSCustomObject]) {
        Stop-Bundle 'malformed-confirmations' "confirmations.json: $Where is not an object"
    }
    $requestId = Get-Field $E 'requestId'
    $machine = Get-Field $E 'machine'
    $alias = Get-Field $E 'alias'
    $activationId = Get-Field $E 'activationId'
    $product = Get-Field $E 'product'
    $iid = Get-Field $E 'installationId'
    $cid = Get-Field $E 'confirmationId'
    if (-not (Test-Integer $requestId 1 ([long]::MaxValue))) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where}requestId is not an integer from 1" }
    if (-not (Test-Text $machine)) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where}machine is missing" }
    if ($alias -isnot [bool]) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where}alias is missing or not true/false" }
    if (-not (Test-Text $activationId)) { $activationId = $null }
    elseif ($activationId -notmatch $GuidPattern) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where}activationId is not a GUID" }
    if (-not (Test-Text $product)) { $product = $null }
    if ($null -eq $activationId -and $null -eq $product) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where} has neither activationId nor product" }
    if (-not (Test-Text $iid) -or -not (Test-Text $cid)) { Stop-Bundle 'malformed-confirmations' "confirmations.json: ${Where}installationId or confirmationId is missing" }
    if ($iid -cnotmatch '^[0-9]+$' -or @(50, 54, 63) -notcontains $iid.Length) { Stop-Bundle 'invalid-id' "confirmations.json: ${Where}installationId is not 50, 54 or 63 digits" }
    if ($cid -cnotmatch '^[0-9]+$' -or @(42, 48) -notcontains $cid.Length) { Stop-Bundle 'invalid-id' "confirmations.json: ${Where}confirmationId is not 42 or 48 digits" }
    if ($null -eq $product) { $product = '' }
    return [pscustomobject]@{
        RequestId = [long]$requestId; Machine = $machine; Alias = [bool]$alias; ActivationId = $activationId
        Product = $product; InstallationId = $iid; ConfirmationId = $cid
    }
}

# ---------------------------------------------------------------------------------------------------------
# LabState

function Read-LabState([string] $Path, [string] $ForLab) {
    if (-not (Test-Path -LiteralPath $Path)) {
        return [pscustomobject]@{ Lab = $ForLab; LastSequence = [long]0; History = @() }
    }
    try {
        $root = ConvertFrom-JsonBytes ([System.IO.File]::ReadAllBytes($Path))
        if ((Get-Field $root 'format') -cne 'gapdesk-lab-state' -or (Get-Field $root 'lab') -cne $ForLab -or
                -not (Test-Integer (Get-Field $root 'lastSequence') 0 ([long]::MaxValue))) {
            throw "not the gapdesk-lab-state of lab $ForLab"
        }
        $history = @()
        if ($null -ne (Get-Field $root 'history')) { $history = @(Get-Field $root 'history') }
        return [pscustomobject]@{ Lab = $ForLab; LastSequence = [long](Get-Field $root 'lastSequence'); History = $history }
    } catch {
        throw ("the lab state file $Path is unreadable ({0}); fix or restore it before applying bundles" -f $_.Exception.Message)
    }
}

function Save-LabState($State, $Verified, [string] $AppliedAt, [string] $Path) {
    # State after applying: lastSequence never goes down (an override of an older sequence keeps it).
    $history = New-Object System.Collections.Generic.List[object]
    foreach ($h in $State.History) { $history.Add($h) }
    $history.Add([ordered]@{
        sequence = $Verified.Sequence; manifestSha256 = $Verified.ManifestSha256
        appliedAt = $AppliedAt; sequenceOverride = $Verified.SequenceOverride
    })
    $root = [ordered]@{
        format = 'gapdesk-lab-state'; version = 1; lab = $State.Lab
        lastSequence = [long][Math]::Max($State.LastSequence, $Verified.Sequence)
        history = $history.ToArray()
    }
    $dir = Split-Path -Parent $Path
    if ($dir -and -not (Test-Path -LiteralPath $dir)) { New-Item -ItemType Directory -Path $dir -Force | Out-Null }
    $tmp = $Path + '.tmp'
    [System.IO.File]::WriteAllText($tmp, (ConvertTo-Json -InputObject $root -Depth 5), (New-Object System.Text.UTF8Encoding $false))
    if (Test-Path -LiteralPath $Path) { [System.IO.File]::Replace($tmp, $Path, $null) }
    else { [System.IO.File]::Move($tmp, $Path) }
}

# ---------------------------------------------------------------------------------------------------------
# LabInventory over CIM: this machine (no session) or a CIM session per machine

function Get-CimArgs($Session) {
    $a = @{}
    if ($null -ne $Session) { $a['CimSession'] = $Session }
    return $a
}

function Get-LabProducts($Session) {
    # SoftwareLicensingProduct with a key installed; OfficeSoftwareProtectionProduct too where it exists
    # (Office 2010 on Windows 7).
    $a = Get-CimArgs $Session
    Get-CimInstance @a -ClassName SoftwareLicensingProduct -Filter 'PartialProductKey <> null' |
        Where-Object { $_.PartialProductKey }
    $office = $null
    try { $office = Get-CimClass @a -ClassName OfficeSoftwareProtectionProduct -ErrorAction Stop } catch { }
    if ($null -ne $office) {
        Get-CimInstance @a -ClassName OfficeSoftwareProtectionProduct -Filter 'PartialProductKey <> null' |
            Where-Object { $_.PartialProductKey }
    }
}

function Invoke-Deposit($Session, $Product, [string] $Iid, [string] $Cid) {
    # Returns the HRESULT: 0 when the CID was accepted.
    $a = Get-CimArgs $Session
    try {
        $r = Invoke-CimMethod @a -InputObject $Product -MethodName DepositOfflineConfirmationId `
            -Arguments @{ InstallationId = $Iid; ConfirmationId = $Cid }
        if ($null -ne $r -and $null -ne $r.ReturnValue) { return [int64]$r.ReturnValue }
        return 0
    } catch {
        $code = $null
        try { $code = $_.Exception.ErrorData.CimInstanceProperties['error_Code'].Value } catch { }
        if ($null -eq $code -or [int64]$code -eq 0) { $code = $_.Exception.HResult }
        return [int64]$code
    }
}

function Invoke-RefreshLicenseStatus($Session, $Product) {
    $a = Get-CimArgs $Session
    $service = 'SoftwareLicensingService'
    if ($Product.CimClass.CimClassName -eq 'OfficeSoftwareProtectionProduct') { $service = 'OfficeSoftwareProtectionService' }
    Get-CimInstance @a -ClassName $service | Invoke-CimMethod -MethodName RefreshLicenseStatus | Out-Null
}

# ---------------------------------------------------------------------------------------------------------
# LabApplier

function New-ResultEntry($E, [string] $Outcome, $HResult, $LicenseStatus, $Reason, $CurrentIid) {
    return [ordered]@{
        requestId = $E.RequestId; machine = $E.Machine; activationId = $E.ActivationId
        installationId = $E.InstallationId; outcome = $Outcome; hresult = $HResult
        licenseStatus = $LicenseStatus; reason = $Reason; currentInstallationId = $CurrentIid
    }
}

function Invoke-GapdeskApply($Verified, [hashtable] $Machines, [hashtable] $HostByAlias, [bool] $ReportUnreached) {
    # $Machines: host name (upper case) -> CIM session, or $null for this machine.
    $results = New-Object System.Collections.Generic.List[object]
    foreach ($e in $Verified.Entries) {
        $hostName = $e.Machine
        if ($e.Alias) { $hostName = $HostByAlias[$e.Machine.ToUpperInvariant()] }
        if ($null -eq $hostName -or -not $Machines.ContainsKey($hostName.ToUpperInvariant())) {
            if ($ReportUnreached) { $results.Add((New-ResultEntry $e 'skipped' $null $null 'not-this-machine' $null)) }
            continue
        }
        $results.Add((Invoke-ApplyOne $Machines[$hostName.ToUpperInvariant()] $e))
    }
    return ,$results.ToArray()
}

function Invoke-ApplyOne($Session, $E) {
    $candidates = @(Get-LabProducts $Session | Where-Object {
        if ($null -ne $E.ActivationId) { $_.ID -eq $E.ActivationId } else { $_.Name -eq $E.Product } })
    if ($candidates.Count -eq 0) {
        return New-ResultEntry $E 'failed' $null $null 'product-not-found' $null
    }
    $product = $candidates | Where-Object { (Get-Digits $_.OfflineInstallationId) -ceq $E.InstallationId } | Select-Object -First 1
    if ($null -eq $product) {
        $current = Get-Digits $candidates[0].OfflineInstallationId
        if ($current -eq '') { $current = $null }
        return New-ResultEntry $E 'failed' $null $null 'iid-mismatch' $current
    }
    $hr = Invoke-Deposit $Session $product $E.InstallationId $E.ConfirmationId
    if ($hr -ne 0) {
        return New-ResultEntry $E 'failed' (Format-HResult $hr) $null 'deposit-failed' $null
    }
    Invoke-RefreshLicenseStatus $Session $product
    $a = Get-CimArgs $Session
    $id = [string]$product.ID
    if ($id -notmatch $GuidPattern) { throw "unexpected product ID '$id'" }
    $now = Get-CimInstance @a -ClassName $product.CimClass.CimClassName -Filter ("ID = '{0}'" -f $id) | Select-Object -First 1
    $status = 0
    if ($null -ne $now) { $status = [int]$now.LicenseStatus }
    if ($status -eq 1) { return New-ResultEntry $E 'applied' $null 1 $null $null }
    return New-ResultEntry $E 'failed' $null $status 'not-licensed' $null
}

# ---------------------------------------------------------------------------------------------------------
# LabApplyRun: state, verify, apply, results file, then state

function Read-HostByAlias() {
    $map = @{}
    if ($AliasMap) {
        foreach ($row in @(Import-Csv -LiteralPath $AliasMap)) {
            if (-not (Test-Text $row.host) -or -not (Test-Text $row.alias)) { throw "alias map ${AliasMap}: every line needs host and alias" }
            $map[$row.alias.Trim().ToUpperInvariant()] = $row.host.Trim()
        }
    }
    if ($Alias) { $map[$Alias.ToUpperInvariant()] = $env:COMPUTERNAME }
    return $map
}

$ToolkitDir = $PSScriptRoot
$config = ConvertFrom-JsonBytes ([System.IO.File]::ReadAllBytes((Join-Path $ToolkitDir 'gapdesk-toolkit.json')))
$toolkitLab = Get-Field $config 'lab'
if (-not $Lab) { $Lab = $toolkitLab }
if (-not $Lab) { throw 'this toolkit was built for no particular lab: give -Lab' }
if ($toolkitLab -and $Lab -cne $toolkitLab) { throw "this toolkit is installed for lab $toolkitLab, not $Lab" }
$keyXml = [System.IO.File]::ReadAllText((Join-Path $ToolkitDir 'kiosk-public.xml'))
$pinned = (Get-FileHash -LiteralPath (Join-Path $ToolkitDir 'kiosk-public.der') -Algorithm SHA256).Hash.ToUpperInvariant()
if (-not $StateFile) { $StateFile = Join-Path $env:ProgramData ("Gapdesk\state-{0}.json" -f ($Lab -replace '[^A-Za-z0-9._-]', '_')) }
$bundlePath = (Resolve-Path -LiteralPath $Bundle).ProviderPath
if (-not $OutFolder) { $OutFolder = Split-Path -Parent $bundlePath }

$state = Read-LabState $StateFile $Lab
try {
    $verified = Test-GapdeskBundle $bundlePath $Lab $state.LastSequence ([bool]$AllowOlderSequence) $keyXml $pinned
} catch {
    $reason = $_.Exception.Data['GapdeskReason']
    if (-not $reason) { throw }
    Write-Host ("REFUSED ({0}): {1}" -f $reason, $_.Exception.Message) -ForegroundColor Red
    Write-Host 'Nothing was applied.'
    exit 1
}
Write-Host ("Bundle verified: lab {0}, sequence {1}, {2} entries, signed by kiosk {3} ({4})." -f
    $verified.Lab, $verified.Sequence, $verified.Entries.Count, $verified.KioskId, $verified.KeyFingerprint)
if ($verified.SequenceOverride) { Write-Host "Sequence override: the last applied was $($state.LastSequence)." -ForegroundColor Yellow }

$hostByAlias = Read-HostByAlias
$machines = @{}
$sessions = @()
try {
    if ($ComputerName) {
        foreach ($name in $ComputerName) {
            try {
                $s = New-CimSession -ComputerName $name
                $sessions += $s
                $machines[$name.ToUpperInvariant()] = $s
            } catch {
                Write-Warning "cannot reach ${name}: $($_.Exception.Message)"
            }
        }
        $runId = 'run-' + (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
    } else {
        $machines[$env:COMPUTERNAME.ToUpperInvariant()] = $null
        $runId = $env:COMPUTERNAME
        if ($Alias) { $runId = $Alias }
    }
    $entries = Invoke-GapdeskApply $verified $machines $hostByAlias ([bool]$ComputerName)
} finally {
    foreach ($s in $sessions) { Remove-CimSession -CimSession $s }
}

$writtenAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
$results = [ordered]@{
    format = 'gapdesk-results'; version = 1; lab = $verified.Lab; bundleSequence = $verified.Sequence
    bundleManifestSha256 = $verified.ManifestSha256; sequenceOverride = $verified.SequenceOverride
    writtenAt = $writtenAt; entries = $entries
}
$fileName = (("gapdesk-results-{0}-{1}-{2}" -f $verified.Lab, $verified.Sequence, $runId) -replace '[^A-Za-z0-9._-]', '_') + '.json'
if (-not (Test-Path -LiteralPath $OutFolder)) { New-Item -ItemType Directory -Path $OutFolder -Force | Out-Null }
$outPath = Join-Path $OutFolder $fileName
[System.IO.File]::WriteAllText($outPath, (ConvertTo-Json -InputObject $results -Depth 5), (New-Object System.Text.UTF8Encoding $false))
Save-LabState $state $verified $writtenAt $StateFile

foreach ($r in $entries) {
    $line = '{0,-8} {1} {2}' -f $r.outcome, $r.machine, $r.activationId
    if ($r.reason) { $line += ' ' + $r.reason }
    if ($r.hresult) { $line += ' ' + $r.hresult }
    if ($null -ne $r.licenseStatus) { $line += ' LicenseStatus=' + $r.licenseStatus }
    Write-Host $line
}
Write-Host "Results written to $outPath. Take this file back to the kiosk (gapdesk receipts)."
