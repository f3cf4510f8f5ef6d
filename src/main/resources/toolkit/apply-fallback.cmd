@echo off
rem Gapdesk manual fallback: deposit ONE Confirmation ID with slmgr.vbs, then show the license status.
rem
rem   apply-fallback.cmd <ConfirmationID> <ActivationID>
rem
rem Use it only after verifying the bundle by hand (signature and SHA-256 of every file, see the bundle's
rem README.txt) and after checking that this machine's Installation ID (slmgr /dti <ActivationID>) is the
rem one in confirmations.csv for this machine. Copy the CID and the Activation ID from confirmations.csv.
rem This script reads no file and runs nothing but slmgr.vbs.
setlocal EnableExtensions EnableDelayedExpansion
if "%~2"=="" goto usage
if not "%~3"=="" goto usage
set "CID=%~1"
set "AID=%~2"
rem The CID: 48 digits; hyphens are allowed between the blocks and removed.
set "CID=!CID:-=!"
set "REST=!CID!"
for %%d in (0 1 2 3 4 5 6 7 8 9) do set "REST=!REST:%%d=!"
if defined REST goto badcid
if "!CID:~47,1!"=="" goto badcid
if not "!CID:~48,1!"=="" goto badcid
rem The Activation ID: a GUID, 36 characters of hex digits and hyphens.
set "REST=!AID!"
for %%d in (0 1 2 3 4 5 6 7 8 9 a b c d e f -) do set "REST=!REST:%%d=!"
if defined REST goto badaid
if "!AID:~35,1!"=="" goto badaid
if not "!AID:~36,1!"=="" goto badaid
echo Depositing the Confirmation ID for Activation ID !AID! ...
cscript //nologo "%windir%\system32\slmgr.vbs" /atp !CID! !AID!
echo.
echo License status (look for "License Status: Licensed"):
cscript //nologo "%windir%\system32\slmgr.vbs" /dli !AID!
exit /b 0

:badcid
echo The Confirmation ID must be 48 digits (blocks A to H; hyphens allowed).
exit /b 2

:badaid
echo The Activation ID must be a GUID such as 00000000-0000-0000-0000-000000000000.
exit /b 2

:usage
echo Usage: apply-fallback.cmd ^<ConfirmationID^> ^<ActivationID^>
echo Deposits one Confirmation ID with slmgr.vbs /atp, then shows slmgr.vbs /dli.
exit /b 2
