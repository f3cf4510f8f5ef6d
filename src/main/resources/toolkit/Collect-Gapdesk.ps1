<#
.SYNOPSIS
    Writes a Gapdesk request file: the Installation IDs of the products that have a key installed.

.DESCRIPTION
    Windows PowerShell 5.1, no modules. A small port of org.gapdesk.lab.LabCollector, the Java reference the
    Gapdesk tests run. Queries SoftwareLicensingProduct (and OfficeSoftwareProtectionProduct where that class
    exists) for products with a partial product key, on this machine or, with -ComputerName, on each listed
    machine through a CIM session, and writes one JSON file (format gapdesk-request, version 1) for the kiosk.

    Products already licensed (LicenseStatus 1) are left out unless -IncludeLicensed is given. With -Alias or
    -AliasMap the machines are written under the lab's aliases ("alias": true) and a machine without an alias
    stops the collection, so no host name leaves the lab by mistake.

    The script only reads licensing data and writes one file. It makes no network connection (with
    -ComputerName it talks CIM to those lab machines, nothing else).

.PARAMETER Lab
    The lab code (default: the lab the toolkit was built for).
.PARAMETER OutFile
    The request file to write, e.g. on the stick (default: gapdesk-request-<LAB>-<host or run id>.json in the
    current folder).
.PARAMETER ComputerName
    Collect from these machines through CIM sessions instead of this machine.
.PARAMETER Alias
    This machine's alias (written instead of its host name).
.PARAMETER AliasMap
    CSV file with header host,alias: the alias of every machine.
.PARAMETER IncludeLicensed
    Also write products that are already licensed.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\Collect-Gapdesk.ps1 -OutFile E:\gapdesk-request-LAB-A-PC-001.json
#>
[CmdletBinding()]
param(
    [string] $Lab,
    [string] $OutFile,
    [string[]] $ComputerName,
    [string] $Alias,
    [string] $AliasMap,
    [switch] $IncludeLicensed
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Get-CimArgs($Session) {
    $a = @{}
    if ($null -ne $Session) { $a['CimSession'] = $Session }
    return $a
}

function Get-LabProducts($Session) {
    # The same query as Apply-GapdeskBundle.ps1: products with a key installed.
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

function Get-Prop($Instance, [string] $Name) {
    # A CIM property, or $null where this Windows build does not have it (e.g. ProductKeyChannel).
    $p = $Instance.CimInstanceProperties[$Name]
    if ($null -eq $p) { return $null }
    return $p.Value
}

function Read-AliasByHost() {
    $map = @{}
    if ($AliasMap) {
        foreach ($row in @(Import-Csv -LiteralPath $AliasMap)) {
            if (-not $row.host -or -not $row.alias -or $row.alias.Trim() -cnotmatch '^[A-Za-z0-9._-]{1,64}$') {
                throw "alias map ${AliasMap}: every line needs a host and an alias of 1-64 letters, digits, '.', '_' or '-'"
            }
            $map[$row.host.Trim().ToUpperInvariant()] = $row.alias.Trim()
        }
    }
    if ($Alias) {
        if ($Alias -cnotmatch '^[A-Za-z0-9._-]{1,64}$') { throw "-Alias: 1-64 letters, digits, '.', '_' or '-'" }
        $map[$env:COMPUTERNAME.ToUpperInvariant()] = $Alias
    }
    return $map
}

# LabCollector.collect

$config = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText((Join-Path $PSScriptRoot 'gapdesk-toolkit.json')))
if (-not $Lab) { $Lab = $config.lab }
if (-not $Lab) { throw 'this toolkit was built for no particular lab: give -Lab' }
$aliasByHost = Read-AliasByHost
$useAliases = [bool]($Alias -or $AliasMap)

$targets = @()
if ($ComputerName) { $targets = $ComputerName } else { $targets = @($env:COMPUTERNAME) }

$machines = New-Object System.Collections.Generic.List[object]
foreach ($target in $targets) {
    $session = $null
    if ($ComputerName) {
        try { $session = New-CimSession -ComputerName $target }
        catch { Write-Warning "cannot reach ${target}, left out: $($_.Exception.Message)"; continue }
    }
    try {
        $products = New-Object System.Collections.Generic.List[object]
        foreach ($p in @(Get-LabProducts $session)) {
            if (-not $IncludeLicensed -and [int]$p.LicenseStatus -eq 1) { continue }
            $products.Add([ordered]@{
                activationId   = [string]$p.ID
                applicationId  = [string]$p.ApplicationID
                name           = [string]$p.Name
                description    = [string]$p.Description
                channel        = Get-Prop $p 'ProductKeyChannel'
                partialKey     = [string]$p.PartialProductKey
                licenseStatus  = [int]$p.LicenseStatus
                installationId = ([string]$p.OfflineInstallationId -replace '[^0-9]', '')
            })
        }
    } finally {
        if ($null -ne $session) { Remove-CimSession -CimSession $session }
    }
    if ($products.Count -eq 0) { continue }
    $name = $target
    if ($useAliases) {
        $name = $aliasByHost[$target.ToUpperInvariant()]
        if (-not $name) { throw "machine $target has no alias in the alias map; add it, or collect without aliases" }
    }
    $machines.Add([ordered]@{ name = $name; alias = $useAliases; products = $products.ToArray() })
}

$request = [ordered]@{
    format = 'gapdesk-request'; version = 1; lab = $Lab
    collectedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    collector = 'gapdesk-collect 1.0'
    machines = $machines.ToArray()
}
if (-not $OutFile) {
    $runId = $env:COMPUTERNAME
    if ($Alias) { $runId = $Alias }
    if ($ComputerName) { $runId = 'run-' + (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ') }
    $OutFile = (("gapdesk-request-{0}-{1}" -f $Lab, $runId) -replace '[^A-Za-z0-9._-]', '_') + '.json'
}
$OutFile = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
[System.IO.File]::WriteAllText($OutFile, (ConvertTo-Json -InputObject $request -Depth 6), (New-Object System.Text.UTF8Encoding $false))
$count = 0
foreach ($m in $machines) { $count += $m.products.Count }
Write-Host ("Wrote {0}: {1} machine(s), {2} product(s) to activate. Take it to the kiosk." -f $OutFile, $machines.Count, $count)
